/**
 * What the inventory's systems hold that answers the identity questions, for the request's proven
 * identities only (the request's email, and the account email once proven): each active system with
 * `verify` statements is asked through its connector. Server-side only: the values are compared and
 * dropped, never stored, logged or sent to the browser.
 */
import { db } from '../db';
import { AppError } from '../errors';
import { logger } from '../logger';
import { IDENTITY_QUESTION_KEYS, type ExpectedAnswers } from '../verification/identity-questions';
import { readPostgresFacts } from './connectors/postgres-verify';
import { statementsSchema } from './schemas';

export async function readExpectedAnswers(
  identities: string[],
): Promise<{ expected: ExpectedAnswers; systems: number }> {
  const systems = await db().dataSystem.findMany({
    where: { active: true, kind: 'postgres' },
    select: { id: true, connectionUrl: true, statements: true },
    orderBy: { name: 'asc' },
  });
  const expected: ExpectedAnswers = {};
  let asked = 0;
  for (const system of systems) {
    const parsed = statementsSchema.safeParse(system.statements);
    const statements = parsed.success ? (parsed.data.verify ?? []) : [];
    if (statements.length === 0 || identities.length === 0) continue;
    asked += 1;
    let facts: Record<string, string[]>;
    try {
      facts = await readPostgresFacts(system, statements, identities);
    } catch (error) {
      // A system that cannot answer must not turn right answers into a failed attempt.
      logger.warn({ err: error, systemId: system.id }, 'a system could not answer identity questions');
      throw new AppError('UNAVAILABLE', 'We cannot check answers right now. Please try again later.');
    }
    for (const key of IDENTITY_QUESTION_KEYS) if (facts[key]) expected[key] = [...(expected[key] ?? []), ...facts[key]];
  }
  return { expected, systems: asked };
}
