import { randomUUID } from 'node:crypto';
import { plainTextSelectors } from '@react-email/render';
import { compile } from 'html-to-text';
import { createElement } from 'react';
import { db, type Tx } from '../db';
import { env } from '../env';
import { logger } from '../logger';
import { addJob, type JobRequest } from '../queue/add-job';
import { currentTemplateVersion, type TemplateVersion } from '../templates/current-template-version';
import { editableTemplate } from '../templates/editable-templates';
import { validateTemplateMessages } from '../templates/validate-template-messages';
import { type DisplayLocale, isLocale, type Locale } from '../universal/i18n/locales';
import type { Messages } from '../universal/i18n/translator';
import { publicLinks } from './public-links';
import { type TemplateName, type TemplateProps, templates } from './templates';

export function brand() {
  const e = env();
  return { companyName: e.COMPANY_NAME, contactEmail: e.PRIVACY_CONTACT_EMAIL, privacyPolicyUrl: e.PRIVACY_POLICY_URL };
}

/**
 * React Email's plain-text conversion (`render(element, { plainText: true })`) with its own options,
 * compiled once: it renders the component a second time and rebuilds html-to-text's selector
 * machinery on every call, about three quarters of the cost of an email. The text is the same
 * (lib/email/render-email.test.ts compares every template).
 */
const htmlToText = compile({ wordwrap: false, selectors: plainTextSelectors });

/** React Email's document type, which its `render` puts before the markup. */
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

let staticMarkup: Promise<(element: ReturnType<typeof createElement>) => string> | undefined;

/**
 * React Email's `render` streams (for templates that suspend, which ours never do) and costs ten
 * times what React's synchronous static render does: 0.8 against 0.09 ms for the verification email,
 * on every request the public form sends. The HTML is React Email's without its streaming markers
 * (`<!--$-->`, `<!--html-->`…), which no mail client shows (render-email.test.ts compares every template).
 */
export async function renderEmail<N extends TemplateName>(
  name: N,
  props: TemplateProps<N>,
  locale: DisplayLocale = 'en',
  /** The words admins edited for this template in `locale` (lib/templates/), over the catalog's. */
  edited?: Messages,
) {
  const { component, subject } = templates[name] as unknown as {
    component: Parameters<typeof createElement>[0];
    subject: (p: TemplateProps<N>) => string;
  };
  // Imported on use: Next.js refuses a static import of react-dom/server in the app directory.
  staticMarkup ??= import('react-dom/server').then((server) => server.renderToStaticMarkup);
  // Each requester's template speaks `locale` (the request's); staff templates ignore it.
  const localized = { ...(props as object), locale, ...(edited ? { edited } : {}) } as TemplateProps<N>;
  const html = `${DOCTYPE}${(await staticMarkup)(createElement(component, localized as never))}`;
  return { subject: subject(localized), html, text: htmlToText(html) };
}

type EmailOptions<N extends TemplateName> = {
  template: N;
  to: string;
  props: TemplateProps<N>;
  requestId?: string | null;
  /** The language to write in; by default the request's (`requestId`), else English. */
  locale?: Locale;
};

/**
 * The edited words a template is sent with in a language, read in the caller's transaction when
 * there is one; null for templates admins cannot edit (staff's own emails) and for unedited ones.
 */
export async function editedWordsOf(template: TemplateName, locale: Locale, tx?: Tx): Promise<TemplateVersion | null> {
  const editable = editableTemplate(template);
  if (!editable) return null;
  const words = await currentTemplateVersion(tx ?? db(), template, locale);
  if (!words) return null;
  try {
    // Checked again against today's catalog: a message whose variables changed since would fail to format.
    validateTemplateMessages({ template: editable, locale, messages: words.messages as Record<string, string> });
    return words;
  } catch (error) {
    logger.warn({ template, locale, version: words.version, err: error }, 'edited words no longer valid; catalog used');
    return null;
  }
}

/**
 * An outbox row, rendered but not yet written, and the job that delivers it. The row id is chosen
 * here so that the job can name it in the same statement; it is also Resend's Idempotency-Key.
 * The row records the version of the edited words it was written with (null: the catalog's).
 */
export async function prepareOutboxEmail<N extends TemplateName>(options: EmailOptions<N>, tx?: Tx) {
  const locale = options.locale ?? 'en';
  const words = await editedWordsOf(options.template, locale, tx);
  const rendered = await renderEmail(options.template, options.props, locale, words?.messages);
  const id = randomUUID();
  const deliveryJob = { name: 'deliver-email' as const, payload: { outboxId: id } } satisfies JobRequest;
  return {
    row: {
      id,
      template: options.template,
      to: options.to,
      ...rendered,
      requestId: options.requestId ?? null,
      templateVersion: words?.version ?? null,
    },
    deliveryJob,
  };
}

/**
 * Writes the email to the outbox and schedules its delivery, both inside the caller's transaction:
 * a change that commits always has its email, and one that rolls back never sends one.
 */
export async function enqueueEmail<N extends TemplateName>(tx: Tx, options: EmailOptions<N>) {
  const id = await writeOutboxEmail(tx, options);
  await enqueueAgentCopy(tx, options);
  return id;
}

/** The request's language, which every email about it is written in (the form or the API set it). */
async function requestLocale(tx: Tx, requestId: string | null | undefined): Promise<Locale> {
  if (!requestId) return 'en';
  const request = await tx.privacyRequest.findUnique({ where: { id: requestId }, select: { locale: true } });
  return isLocale(request?.locale) ? request.locale : 'en';
}

async function writeOutboxEmail<N extends TemplateName>(tx: Tx, options: EmailOptions<N>) {
  const locale = options.locale ?? (await requestLocale(tx, options.requestId));
  const { row, deliveryJob } = await prepareOutboxEmail({ ...options, locale }, tx);
  await tx.outboxEmail.create({ data: row, select: { id: true } });
  await addJob(tx, deliveryJob.name, deliveryJob.payload);
  return row.id;
}

/**
 * The requester's emails an authorized agent may get a copy of (when the person consented), and
 * what changes in the copy: the person's status link becomes the agent's read-only one. Absent
 * templates are never copied: they carry the person's own secrets (a verification, account-proof or
 * download link) or are not about the person's request.
 */
const AGENT_COPIES: Partial<Record<TemplateName, 'as-is' | 'agent-status-link'>> = {
  'request-received': 'agent-status-link',
  'request-acknowledged': 'as-is',
  'request-withdrawn': 'as-is',
  'request-not-verified': 'agent-status-link',
  'deadline-extended': 'agent-status-link',
  'requester-message': 'agent-status-link',
  'request-decided': 'agent-status-link',
  'appeal-received': 'agent-status-link',
  'appeal-decided': 'agent-status-link',
  'appeal-extended': 'agent-status-link',
};

/** A copy to the authorized agent of an email to the person, where the person consented to copies. */
async function enqueueAgentCopy<N extends TemplateName>(tx: Tx, options: EmailOptions<N>) {
  const policy = AGENT_COPIES[options.template];
  if (!policy || !options.requestId) return;
  const authorization = await tx.agentAuthorization.findUnique({
    where: { requestId: options.requestId },
    select: { copiesConsented: true, agentStatusNonce: true, request: { select: { email: true, agentEmail: true } } },
  });
  const agentEmail = authorization?.request.agentEmail;
  if (!authorization?.copiesConsented || !agentEmail || options.to !== authorization.request.email) return;
  const { agentStatusNonce } = authorization;
  if (policy === 'agent-status-link' && !agentStatusNonce) return;
  const props =
    policy === 'agent-status-link'
      ? ({
          ...(options.props as object),
          statusUrl: publicLinks.agentStatusOf({ id: options.requestId }, agentStatusNonce!),
        } as TemplateProps<N>)
      : options.props;
  await writeOutboxEmail(tx, { ...options, to: agentEmail, props });
}
