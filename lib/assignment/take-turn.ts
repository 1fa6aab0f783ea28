import { db } from '../db';

/**
 * Takes the next round-robin turn of a rule: one atomic UPDATE … RETURNING in a transaction of its
 * own (autocommit), so the row lock lasts one statement, never the verification around it. Turns are
 * 1, 2, 3, … per rule; concurrent callers each get a different one (docs/decisions/015).
 */
export async function takeTurn(ruleId: string): Promise<bigint> {
  const [row] = await db().$queryRaw<{ turns: bigint }[]>`
    UPDATE assignment_rule SET turns = turns + 1 WHERE id = ${ruleId} RETURNING turns`;
  if (!row) throw new Error('The assignment rule was deleted while it was used.');
  return row.turns;
}
