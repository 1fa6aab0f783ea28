/**
 * Structured logs (pino). Personal data never reaches them: known fields are censored by path, and
 * anything shaped like an email address or a token is masked in every string that is logged.
 */
import { trace } from '@opentelemetry/api';
import pino from 'pino';
import { env } from './env';

const REDACTED_KEYS = [
  'email',
  'to',
  'name',
  'accountEmail',
  'agentEmail',
  'agentName',
  'details',
  'message',
  'text',
  'html',
  'token',
  'password',
  'authorization',
  'cookie',
  'ip',
  'userAgent',
  'subject',
];

// A domain never holds "/", ":" or parentheses, so stack frames such as
// "(/app/node_modules/@prisma/client/runtime/index.js:12:5)" are not taken for addresses.
const EMAIL = /[^\s@<>"()]+@[^\s@<>"'()/:]+\.[^\s@<>"'()/:]+/g;
const TOKEN = /\b[A-Za-z0-9_-]{32,}\b/g;

export function scrub(value: string): string {
  return value.replace(EMAIL, '[email]').replace(TOKEN, '[token]');
}

/** The options, apart from the destination: lib/logger.test.ts logs through them into a buffer. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: undefined,
    // With tracing on, each line names the span it was written in, to find a log line's trace and back.
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
    redact: {
      paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (error: unknown) => {
        const e = pino.stdSerializers.err(error as Error);
        // The message is censored by path (`*.message`) below this; here, at most its first line
        // survives, for log levels or paths that do not reach it. The stack keeps its frames and loses
        // its first lines, the message, where libraries (Prisma's validation errors) print values.
        const firstLine = scrub((e.message ?? '').trim().split('\n')[0] ?? '').slice(0, 300);
        const frames = e.stack
          ?.split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map(scrub)
          .join('\n');
        return {
          type: e.type,
          message: firstLine,
          stack: frames,
          ...(typeof e.code === 'string' ? { code: e.code } : {}),
        };
      },
    },
  };
}

function createLogger() {
  return pino(loggerOptions(env().LOG_LEVEL));
}

let instance: pino.Logger | undefined;

/**
 * Created on first use, not at import: configuration is read when the app runs, not when Next.js
 * evaluates modules during the build.
 */
export const logger: pino.Logger = new Proxy({} as pino.Logger, {
  get(_target, property) {
    instance ??= createLogger();
    const value = Reflect.get(instance, property, instance);
    return typeof value === 'function' ? value.bind(instance) : value;
  },
});
