import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/**
 * The names a message needs from its template: arguments (`{reference}`, plurals, selects) and tags
 * (`<link>`), each written as it appears. Throws the parser's error for broken ICU syntax.
 */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (
        element.type === TYPE.argument ||
        element.type === TYPE.number ||
        element.type === TYPE.date ||
        element.type === TYPE.time
      )
        names.add(`{${element.value}}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        names.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        visit(element.children);
      }
    }
  };
  visit(parse(message, { requiresOtherClause: true }));
  return [...names].sort();
}

/** What each variable holds, for the editor's list; a name missing here is shown bare. */
export const VARIABLE_HELP: Record<string, string> = {
  '{reference}': 'The request’s reference, e.g. BR-2026-000123',
  '{company}': 'Your company’s name',
  '{contact}': 'The privacy contact email address',
  '{policyUrl}': 'The privacy policy’s address',
  '{dueOn}': 'The date the answer is due, in the requester’s language',
  '{answerBy}': 'The date the answer is due',
  '{newDueOn}': 'The new due date after the extension',
  '{previousDueOn}': 'The due date before the extension',
  '{newDecideBy}': 'The appeal’s new decision date',
  '{previousDecideBy}': 'The appeal’s decision date before the extension',
  '{decideBy}': 'The date the appeal is decided by',
  '{respondBy}': 'The date the complaint is answered by',
  '{receivedOn}': 'The day it was received',
  '{reason}': 'The reason staff gave',
  '{authority}': 'The supervisory authority or Attorney General of the requester’s regime',
  '{outcome}': 'The outcome, one of the choices of the select',
  '{title}': 'The decision’s title (its own message)',
  '{days}': 'A number of days',
  '{hours}': 'A number of hours',
  '{url}': 'The link itself, written out',
  '{agent}': 'The authorized agent’s name',
  '{person}': 'The person the request is for',
  '{until}': 'The date and time the link stops working',
  '{expiresIn}': 'How long the link works',
  '{type}': 'The kind of request (a select)',
  '{types}': 'The kinds of request (a select)',
};
