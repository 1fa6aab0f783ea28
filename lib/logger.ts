/**
 * Structured logs (pino). Personal data never reaches them: known fields are censored by path, and
 * anything shaped like an email address or a token is masked in every string that is logged.
 */
import pino from 'pino';
import { env } from './env';

const REDACTED_KEYS = [
  'email', 'to', 'name', 'accountEmail', 'agentEmail', 'agentName', 'details', 'message', 'text', 'html',
  'token', 'password', 'authorization', 'cookie', 'ip', 'userAgent', 'subject',
];

const EMAIL = /[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+/g;
const TOKEN = /\b[A-Za-z0-9_-]{32,}\b/g;

export function scrub(value: string): string {
  return value.replace(EMAIL, '[email]').replace(TOKEN, '[token]');
}

function createLogger() {
  return pino({
  level: env().LOG_LEVEL,
  base: undefined,
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
      return { ...e, message: scrub(e.message ?? ''), stack: e.stack ? scrub(e.stack) : undefined };
    },
  },
  });
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
