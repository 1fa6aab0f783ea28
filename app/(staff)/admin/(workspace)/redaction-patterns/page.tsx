import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/page-guard';
import { listRedactionPatterns } from '@/lib/fulfilment/redaction/list-redaction-patterns';
import { MAX_REGEX_LENGTH, PATTERN_KINDS, PATTERN_LABELS } from '@/lib/fulfilment/redaction/patterns';
import { REDACTION_REASONS } from '@/lib/fulfilment/redaction/reasons';

export const metadata: Metadata = { title: 'Redaction patterns' };

type Search = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, string> = {
  'pattern-added': 'Pattern added: every package built from now on applies it.',
  'pattern-removed': 'Pattern removed.',
};
const ERRORS: Record<string, string> = {
  invalid_input: `Check the form. A custom expression uses RE2 syntax (no look-arounds or back-references), has 1 to ${MAX_REGEX_LENGTH} characters and must not match empty text; a data set is named "system/data set".`,
  not_found: 'That pattern no longer exists.',
};

/** Admins: the patterns every package withholds, for one data set or all (plain form posts). */
export default async function RedactionPatternsPage({ searchParams }: { searchParams: Search }) {
  const staff = await requireStaffPage('redaction.patterns', '/admin/redaction-patterns');
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const notice = NOTICES[one(query.notice) ?? ''];
  const error = one(query.error) ? (ERRORS[one(query.error)!] ?? 'That did not work. Try again.') : null;
  const patterns = await listRedactionPatterns({ staff });
  return (
    <>
      <h1>Redaction patterns</h1>
      <p>
        Every data package withholds what these patterns match, counted in the package and on the requester&apos;s page
        by reason (GDPR Art. 15(4)). Reviewers withhold single columns and rows on each request.
      </p>
      {notice && (
        <div className="admin-notice admin-notice--success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {error && (
        <div className="admin-notice admin-notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <section aria-labelledby="patterns-title" className="admin-panel">
        <h2 id="patterns-title">Patterns</h2>
        {patterns.length === 0 ? (
          <p className="admin-muted">No patterns yet.</p>
        ) : (
          <ul className="admin-list">
            {patterns.map((p) => (
              <li key={p.id}>
                {PATTERN_LABELS[p.target as keyof typeof PATTERN_LABELS] ?? p.target}
                {p.regex ? `: ${p.regex}` : ''} in {p.dataset ?? 'every data set'} ({REDACTION_REASONS[p.reason]})
                <form method="post" action="/api/admin/redaction-patterns" className="admin-inline-form">
                  <input type="hidden" name="remove" value={p.id} />
                  <button type="submit" className="admin-button admin-button--secondary">
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-pattern-title" className="admin-panel">
        <h2 id="add-pattern-title">Add a pattern</h2>
        <form method="post" action="/api/admin/redaction-patterns" className="admin-action-form">
          <label htmlFor="pattern-kind">Pattern</label>
          <select id="pattern-kind" name="pattern" required>
            {PATTERN_KINDS.map((k) => (
              <option key={k} value={k}>
                {PATTERN_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor="pattern-regex">Custom expression (only for a custom pattern)</label>
          <input id="pattern-regex" name="regex" maxLength={MAX_REGEX_LENGTH} />
          <label htmlFor="pattern-dataset">Data set, as system/data set (blank: every data set)</label>
          <input id="pattern-dataset" name="dataset" maxLength={200} />
          <label htmlFor="pattern-reason">Reason</label>
          <select id="pattern-reason" name="reason" required>
            {Object.entries(REDACTION_REASONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className="admin-button admin-button--primary">
            Add the pattern
          </button>
        </form>
      </section>
    </>
  );
}
