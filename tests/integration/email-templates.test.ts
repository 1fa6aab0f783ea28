/**
 * Templates staff can edit (lib/templates/), on real PostgreSQL through the outbox: an admin's words
 * are saved as versions, the emails sent use them and record the version, a revert saves an old
 * version again, and invalid words or callers without the permission are refused with nothing saved.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { revertTemplateAction, saveTemplateAction } from '../../app/(staff)/admin/template-actions';
import { db } from '../../lib/db';
import { previewTemplate } from '../../lib/email/preview-template';
import type { StaffIdentity } from '../../lib/permissions/authorize';
import { denyRequest } from '../../lib/requests/staff/deny-request';
import { submitRequest } from '../../lib/requests/submit-request';
import { revertTemplateVersion } from '../../lib/templates/revert-template-version';
import { saveTemplateVersion } from '../../lib/templates/save-template-version';
import { standardMessagesFor } from '../../lib/templates/standard-messages';
import type { NewRequest } from '../../lib/universal/request-schema';
import { verifyRequest } from '../../lib/verification/verify-request';
import { resetDatabase } from '../support/reset-database';
import { aRequest, latestVerificationToken } from '../support/requests';
import { aStaffIdentity } from '../support/staff';

let admin: StaffIdentity;
let reviewer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  admin = await aStaffIdentity('admin');
  reviewer = await aStaffIdentity('reviewer');
});

const FRENCH_HEADING = '{title} — votre demande {reference}. « Merci » & à bientôt.';

const save = (messages: Record<string, string>, locale: 'fr' | 'en' = 'fr', staff = admin) =>
  saveTemplateVersion({ staff, input: { template: 'request-decided', locale, messages } });

async function verified(overrides: Partial<NewRequest>) {
  const input = aRequest(overrides);
  const created = await submitRequest({ input, channel: 'web' });
  await verifyRequest({ token: await latestVerificationToken(input.email) });
  return { input, ...created };
}

async function deniedEmail(locale: 'fr' | 'en') {
  const r = await verified({ jurisdiction: 'EU', types: ['access'], locale });
  await denyRequest({
    staff: reviewer,
    requestId: r.id,
    reason: 'cannot_verify',
    partial: false,
    message: 'Nous ne retrouvons aucun compte.',
  });
  return db().outboxEmail.findFirstOrThrow({
    where: { to: r.input.email, template: 'request-decided' },
    select: { html: true, text: true, subject: true, templateVersion: true },
  });
}

const versions = () =>
  db().emailTemplateVersion.findMany({ orderBy: { version: 'asc' }, select: { version: true, messages: true } });

describe('email templates staff can edit', () => {
  it('saves an admin’s words as version 1, audited with the keys changed', async () => {
    expect(await save({ 'email.decided.heading': FRENCH_HEADING, 'email.decided.reason': '' })).toEqual({
      version: 1,
      changed: true,
    });
    expect(await versions()).toEqual([{ version: 1, messages: { 'email.decided.heading': FRENCH_HEADING } }]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'email_template.saved' } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.data).toMatchObject({
      template: 'request-decided',
      locale: 'fr',
      version: 1,
      changedKeys: ['email.decided.heading'],
    });
    // The same words again: no new version, no event.
    expect(await save({ 'email.decided.heading': FRENCH_HEADING })).toEqual({ version: 1, changed: false });
    expect(await db().auditEvent.count({ where: { action: 'email_template.saved' } })).toBe(1);
  });

  it('sends the edited words in their language only, escaped, with the regime’s notices, and records the version', async () => {
    await save({ 'email.decided.heading': FRENCH_HEADING });
    const french = await deniedEmail('fr');
    expect(french.templateVersion).toBe(1);
    expect(french.text).toMatch(/votre demande BR-\d{4}-\d{6}\. « Merci » & à bientôt\./);
    expect(french.html).toContain('« Merci » &amp; à bientôt.');
    // Locked parts are still there: the record sentence and the regime's notice of the right to complain.
    expect(french.text).toContain('comme la loi l’exige');
    expect(french.text.replace(/\s+/g, ' ')).toMatch(/réclamation auprès d’une autorité de contrôle/);
    const english = await deniedEmail('en');
    expect(english.templateVersion).toBeNull();
    expect(english.text).not.toContain('Merci');
    // Other templates of the same request are untouched.
    const receipt = await db().outboxEmail.findFirstOrThrow({ where: { template: 'request-received' } });
    expect(receipt.templateVersion).toBeNull();
  });

  it('reverts to an older version by saving its words again, and later emails record the new number', async () => {
    await save({ 'email.decided.heading': FRENCH_HEADING });
    await save({ 'email.decided.heading': '{title} ({reference}) — deuxième version.' });
    expect(
      await revertTemplateVersion({ staff: admin, input: { template: 'request-decided', locale: 'fr', version: 1 } }),
    ).toEqual({ version: 3, changed: true });
    expect((await versions()).map((v) => v.messages)).toEqual([
      { 'email.decided.heading': FRENCH_HEADING },
      { 'email.decided.heading': '{title} ({reference}) — deuxième version.' },
      { 'email.decided.heading': FRENCH_HEADING },
    ]);
    const row = await db().emailTemplateVersion.findFirstOrThrow({ where: { version: 3 } });
    expect(row.revertedFrom).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'email_template.reverted' } });
    expect(audit.data).toMatchObject({ version: 3, revertedFrom: 1, changedKeys: ['email.decided.heading'] });
    const sent = await deniedEmail('fr');
    expect(sent.templateVersion).toBe(3);
    expect(sent.text).toContain('« Merci »');
    // Version 0: back to the catalog's words, as version 4.
    await revertTemplateVersion({ staff: admin, input: { template: 'request-decided', locale: 'fr', version: 0 } });
    const catalog = await deniedEmail('fr');
    expect(catalog.templateVersion).toBe(4);
    expect(catalog.text).not.toContain('« Merci »');
  });

  it('passes over a saved version its catalog no longer allows, sending the catalog’s words', async () => {
    // As if the catalog had renamed a variable since: a version holding a variable it lacks today.
    await db().emailTemplateVersion.create({
      data: {
        template: 'request-decided',
        locale: 'fr',
        version: 1,
        messages: { 'email.decided.heading': '{title} {reference} {oldName}' },
        createdById: admin.id,
      },
    });
    const sent = await deniedEmail('fr');
    expect(sent.templateVersion).toBeNull();
    expect(sent.text).not.toContain('{oldName}');
  });

  it('refuses invalid words with a message per field, and saves nothing', async () => {
    const refused = await saveTemplateAction.runAs(admin, {
      template: 'request-decided',
      locale: 'fr',
      'email.decided.heading': '{title} {reference} {requesterEmail}',
      'email.decided.openBy': 'Réponse le {dueOn',
      'email.decided.reason': 'Motif :',
      'email.decided.systems': 'Par système',
      'email.decided.record': 'Nous ne gardons rien.',
      'email.decided.download': 'Votre copie est prête.',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: '4 messages need attention: nothing was saved.',
      fields: {
        'email.decided.heading': ['Unknown variable {requesterEmail}. Available: {reference}, {title}.'],
        'email.decided.openBy': [expect.stringMatching(/^Broken ICU syntax/)],
        'email.decided.record': [
          'This message is locked: the law requires its words, so it cannot be changed or removed.',
        ],
        'email.decided.download': ['Required variable missing: {days}.'],
      },
    });
    expect(await db().emailTemplateVersion.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: { startsWith: 'email_template.' } } })).toBe(0);
  });

  it('refuses every caller without templates.manage, in the action and in the domain function', async () => {
    const viewer = await aStaffIdentity('viewer');
    const input = { template: 'request-decided', locale: 'fr', 'email.decided.heading': FRENCH_HEADING };
    for (const staff of [null, viewer, reviewer]) {
      const result = await saveTemplateAction.runAs(staff, input);
      expect(result.ok, JSON.stringify(result)).toBe(false);
      expect(
        (await revertTemplateAction.runAs(staff, { template: 'request-decided', locale: 'fr', version: 0 })).ok,
      ).toBe(false);
    }
    await expect(save({ 'email.decided.heading': FRENCH_HEADING }, 'fr', reviewer)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await db().emailTemplateVersion.count()).toBe(0);
  });

  it('previews a draft with the real template and sample data, saving nothing', async () => {
    const preview = await previewTemplate({
      staff: admin,
      input: { template: 'request-decided', locale: 'fr', messages: { 'email.decided.heading': FRENCH_HEADING } },
    });
    expect(preview.html).toMatch(/<html[^>]* lang="fr"/);
    expect(preview.html).toContain('votre demande BR-2026-000123. « Merci » &amp; à bientôt.');
    await expect(
      previewTemplate({
        staff: admin,
        input: { template: 'request-decided', locale: 'fr', messages: { 'email.decided.heading': '{nope}' } },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const standard = await previewTemplate({
      staff: admin,
      input: {
        template: 'standard-messages',
        locale: 'en',
        messages: { 'standard.ask.awaiting_clarification': 'Which of your accounts is this about?' },
      },
    });
    expect(standard.html).toContain('Which of your accounts is this about?');
    expect(await db().emailTemplateVersion.count()).toBe(0);
  });

  it('offers the standard staff messages in the request’s language, with the admins’ words', async () => {
    const question = 'Indiquez-nous le compte concerné, s’il vous plaît.';
    await saveTemplateVersion({
      staff: admin,
      input: {
        template: 'standard-messages',
        locale: 'fr',
        messages: { 'standard.ask.awaiting_clarification': question },
      },
    });
    const french = await standardMessagesFor('fr');
    expect(french['standard.ask.awaiting_clarification']).toBe(question);
    expect(french['standard.deny.duplicate']).toMatch(/^Cette demande reprend/);
    const english = await standardMessagesFor('en');
    expect(english['standard.ask.awaiting_clarification']).toMatch(/^Please tell us more precisely/);
    // A variable in a standard message is refused: they are sent as written.
    await expect(
      saveTemplateVersion({
        staff: admin,
        input: { template: 'standard-messages', locale: 'en', messages: { 'standard.extend': 'Until {dueOn}.' } },
      }),
    ).rejects.toMatchObject({
      details: { fields: { 'standard.extend': ['Unknown variable {dueOn}. This message takes no variables.'] } },
    });
  });
});
