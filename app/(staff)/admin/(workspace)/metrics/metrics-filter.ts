import { JURISDICTIONS, type Jurisdiction } from '@/lib/universal/codes';

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const validDay = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ? value
    : undefined;
const first = (v: string | string[] | undefined) => [v].flat()[0];

export type MetricsParams = Promise<{ from?: string | string[]; to?: string | string[]; regime?: string | string[] }>;

/** The page's period (UTC days, both included; default: this year so far) and regime (default: all). */
export function readMetricsFilter(params: Awaited<MetricsParams>, now = new Date()) {
  const from = validDay(first(params.from)) ?? `${now.getUTCFullYear()}-01-01`;
  const to = validDay(first(params.to)) ?? isoDay(now);
  const regimeParam = first(params.regime);
  const regime = (JURISDICTIONS as readonly string[]).includes(regimeParam ?? '')
    ? (regimeParam as Jurisdiction)
    : null;
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY);
  const problem =
    end <= start
      ? 'The start date must be on or before the end date.'
      : end.getTime() - start.getTime() > 3 * 366 * DAY
        ? 'Choose a period of at most three years.'
        : null;
  return { from, to, regime, start, end, problem };
}
