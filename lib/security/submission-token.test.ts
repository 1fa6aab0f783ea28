import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../../tests/support/scoped-env';
import { derivedSubmissionToken, submissionTokenHashes } from './submission-token';
import { hashToken } from './tokens';

const ID = '0b7e6c1e-8f5d-4a43-9d3e-6c0f3b2a9e11';
const [OLD, NEW] = [`old-${'o'.repeat(40)}`, `new-${'n'.repeat(40)}`];
const settings = scopedEnv(['APP_SECRET', 'APP_SECRET_PREVIOUS']);
afterEach(() => settings.restore());

describe('a confirmation-page token (docs/decisions/022)', () => {
  it('opens only its own hash when it is not derived, as a web form’s random token', () => {
    settings.set({ APP_SECRET: NEW, APP_SECRET_PREVIOUS: OLD });
    expect(submissionTokenHashes(ID, 'x'.repeat(43))).toEqual([hashToken('x'.repeat(43))]);
  });

  it('derived under the current or a previous secret, opens the hash stored under either', () => {
    settings.set({ APP_SECRET: NEW, APP_SECRET_PREVIOUS: OLD });
    const both = [hashToken(derivedSubmissionToken(ID, NEW)), hashToken(derivedSubmissionToken(ID, OLD))];
    expect(new Set(submissionTokenHashes(ID, derivedSubmissionToken(ID, NEW)))).toEqual(new Set(both));
    expect(new Set(submissionTokenHashes(ID, derivedSubmissionToken(ID, OLD)))).toEqual(new Set(both));
  });

  it('derived under a secret no longer read, or for another request, opens nothing more', () => {
    settings.set({ APP_SECRET: NEW });
    const stale = derivedSubmissionToken(ID, OLD);
    expect(submissionTokenHashes(ID, stale)).toEqual([hashToken(stale)]);
    const other = derivedSubmissionToken('5c4a9d0e-1b2f-4e3a-8c7d-9f0e1a2b3c4d', NEW);
    expect(submissionTokenHashes(ID, other)).toEqual([hashToken(other)]);
  });
});
