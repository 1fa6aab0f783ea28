import Link from 'next/link';
import { FieldError } from '@/app/components/field-error';
import { JURISDICTION_GROUPS, JURISDICTION_LABELS, REQUEST_STATUSES, REQUEST_TYPES } from '@/lib/universal/codes';
import { STATUS_LABELS, TYPE_LABELS } from '../../labels';
import { DEFAULT_STATUSES, type QueueView } from './queue-filter';

const DUE_WINDOWS = [
  { value: 'overdue', label: 'Overdue' },
  { value: '7d', label: 'Due within 7 days' },
  { value: '30d', label: 'Due within 30 days' },
];

/**
 * A plain form: filtering works without JavaScript and the resulting URL can be shared. It posts,
 * because the search box takes an email address: /api/admin/queue-search redirects to the queue's
 * URL with the address replaced by a request's id.
 */
export function QueueFilterForm({
  filter,
  people,
  refusedTag,
}: {
  filter: QueueView;
  people: { value: string; label: string }[];
  /** A tag asked for that is not of a tag's format: shown as typed, with why (queue-filter.ts tagError). */
  refusedTag?: { typed: string; message: string };
}) {
  const statuses = filter.status ?? DEFAULT_STATUSES;
  return (
    <form method="post" action="/api/admin/queue-search" className="admin-filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        Filter the queue
      </h2>
      <fieldset className="admin-filters__statuses">
        <legend>Status</legend>
        {REQUEST_STATUSES.map((status) => (
          <div className="admin-choice" key={status}>
            <input
              type="checkbox"
              id={`filter-status-${status}`}
              name="status"
              value={status}
              defaultChecked={statuses.includes(status)}
            />
            <label htmlFor={`filter-status-${status}`}>{STATUS_LABELS[status]}</label>
          </div>
        ))}
      </fieldset>
      <div className="admin-filters__fields">
        <div className="admin-field">
          <label htmlFor="filter-type">Type</label>
          <select id="filter-type" name="type" defaultValue={filter.type ?? ''}>
            <option value="">Any type</option>
            {REQUEST_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="filter-jurisdiction">Regime</label>
          <select id="filter-jurisdiction" name="jurisdiction" defaultValue={filter.jurisdiction ?? ''}>
            <option value="">Any regime</option>
            {JURISDICTION_GROUPS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.jurisdictions.map((j) => (
                  <option key={j} value={j}>
                    {j} — {JURISDICTION_LABELS[j]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="filter-assignee">Assignee</label>
          <select id="filter-assignee" name="assignee" defaultValue={filter.assignee ?? ''}>
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="none">Unassigned</option>
            {people.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="filter-due">Due</label>
          <select id="filter-due" name="due" defaultValue={filter.due ?? ''}>
            <option value="">Any time</option>
            {DUE_WINDOWS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div className={refusedTag ? 'admin-field admin-field--error' : 'admin-field'}>
          <label htmlFor="filter-tag">Tag</label>
          <FieldError id="filter-tag-error" messages={refusedTag ? [refusedTag.message] : undefined} />
          <input
            id="filter-tag"
            name="tag"
            type="text"
            defaultValue={refusedTag?.typed ?? filter.tag ?? ''}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={refusedTag ? true : undefined}
            aria-describedby={refusedTag ? 'filter-tag-error filter-tag-hint' : 'filter-tag-hint'}
          />
          <p className="admin-hint" id="filter-tag-hint">
            One tag, such as vip.
          </p>
        </div>
        <div className="admin-field admin-field--wide">
          <label htmlFor="filter-q">Search</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            maxLength={320}
            aria-describedby="filter-q-hint"
            autoComplete="off"
            spellCheck={false}
          />
          <p className="admin-hint" id="filter-q-hint">
            A reference such as BR-2026-000123, or a requester&apos;s exact email address.
          </p>
          {filter.requester && (
            <p className="admin-hint" id="filter-requester">
              <input type="hidden" name="requester" value={filter.requester} />
              {filter.requester === 'none'
                ? 'No request comes from the email address searched for.'
                : 'Showing requests from the email address searched for.'}
            </p>
          )}
        </div>
      </div>
      <div className="admin-filters__buttons">
        <button type="submit" className="admin-button admin-button--primary">
          Apply filters
        </button>
        <Link href="/admin">Reset filters</Link>
      </div>
    </form>
  );
}
