import type { ReactNode } from 'react';

const DAY = 86_400_000;
const MAX_DAYS = 366;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const validDay = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;

export type RangeParams = { from?: string | string[]; to?: string | string[] };

/** Checks the range as the export does (`to` inclusive, at most 366 days), so the link never leads to a JSON error. */
function checkRange(from: string, to: string): string | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1;
  if (days < 1) return 'The start date must be on or before the end date.';
  if (days > MAX_DAYS) return `Choose at most ${MAX_DAYS} days at a time.`;
  return null;
}

/**
 * A page's date range (UTC days, both included; the last 30 days by default) and the link to a CSV
 * export over it (the routes built by lib/http/csv-range-route.ts). Works without JavaScript.
 */
export function CsvRangeDownload(props: {
  params: RangeParams;
  page: string;
  api: string;
  idPrefix: string;
  linkText: (from: string, to: string) => ReactNode;
}) {
  const today = new Date();
  const from = validDay([props.params.from].flat()[0]) ?? isoDay(new Date(today.getTime() - 29 * DAY));
  const to = validDay([props.params.to].flat()[0]) ?? isoDay(today);
  const problem = checkRange(from, to);
  return (
    <>
      <form method="get" action={props.page} className="admin-panel admin-panel--form admin-stack">
        <fieldset>
          <legend>Date range (UTC, both days included)</legend>
          <div className="admin-row">
            <div className="admin-field">
              <label htmlFor={`${props.idPrefix}-from`}>From</label>
              <input id={`${props.idPrefix}-from`} name="from" type="date" defaultValue={from} required />
            </div>
            <div className="admin-field">
              <label htmlFor={`${props.idPrefix}-to`}>To</label>
              <input id={`${props.idPrefix}-to`} name="to" type="date" defaultValue={to} required />
            </div>
          </div>
        </fieldset>
        <button type="submit" className="admin-button admin-button--secondary">
          Choose these dates
        </button>
      </form>
      {problem ? (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{problem}</p>
        </div>
      ) : (
        <p>
          <a
            className="admin-button admin-button--primary"
            href={`${props.api}?${new URLSearchParams({ from, to })}`}
            download
          >
            {props.linkText(from, to)}
          </a>
        </p>
      )}
    </>
  );
}
