import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { editableTemplate } from './editable-templates';
import { validateTemplateMessages } from './validate-template-messages';

const decided = editableTemplate('request-decided')!;
const check = (messages: Record<string, string>, locale: 'en' | 'fr' = 'en') =>
  validateTemplateMessages({ template: decided, locale, messages });
const refusal = (messages: Record<string, string>) => {
  try {
    check(messages);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).details?.fields ?? {};
  }
  throw new Error('not refused');
};

describe('validateTemplateMessages', () => {
  it('keeps only the messages that differ from the catalog', () => {
    expect(
      check({
        'email.decided.heading': '{title} — reference {reference}.',
        'email.decided.reason': '',
        'email.decided.systems': 'What we did, system by system:',
      }),
    ).toEqual({ 'email.decided.heading': '{title} — reference {reference}.' });
  });

  it('compares with the catalog of the language edited', () => {
    expect(check({ 'email.decided.heading': '{title} (réf. {reference}).' }, 'fr')).toEqual({
      'email.decided.heading': '{title} (réf. {reference}).',
    });
  });

  it('refuses an unknown variable and names the available ones', () => {
    expect(refusal({ 'email.decided.heading': '{title} ({reference}) {requesterName}' })).toEqual({
      'email.decided.heading': ['Unknown variable {requesterName}. Available: {reference}, {title}.'],
    });
  });

  it('refuses broken ICU syntax', () => {
    const fields = refusal({ 'email.decided.heading': '{title} ({reference).' });
    expect(fields['email.decided.heading']?.[0]).toMatch(/^Broken ICU syntax/);
  });

  it('refuses a message that drops a required variable', () => {
    expect(refusal({ 'email.decided.heading': 'Our decision.' })).toEqual({
      'email.decided.heading': ['Required variable missing: {reference}, {title}.'],
    });
  });

  it('refuses a select without its other case, which would fail when sent', () => {
    const fields = refusal({ 'email.decided.title': '{outcome, select, completed {Done}}' });
    expect(fields['email.decided.title']?.[0]).toMatch(/^Broken ICU syntax/);
  });

  it('refuses a change to a locked message, and one to a message of another template', () => {
    expect(
      refusal({
        'email.decided.record': 'We keep nothing.',
        'email.verify.intro': 'Hello',
      }),
    ).toEqual({
      'email.decided.record': [
        'This message is locked: the law requires its words, so it cannot be changed or removed.',
      ],
      'email.verify.intro': ['This message is not part of this template.'],
    });
  });

  it('refuses markup: a tag is not a variable of the message', () => {
    const fields = refusal({ 'email.decided.reason': '<script>alert(1)</script>Reason:' });
    expect(fields['email.decided.reason']?.[0]).toMatch(/^Unknown variable <script>/);
  });
});
