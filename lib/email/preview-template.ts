import { messagesOf } from '../i18n/catalogs';
import { authorize, type StaffIdentity } from '../permissions/authorize';
import { editableTemplate, STANDARD_MESSAGES_TEMPLATE } from '../templates/editable-templates';
import { templateMessagesSchema, type TemplateMessagesInput } from '../templates/schemas';
import { validateTemplateMessages } from '../templates/validate-template-messages';
import { createTranslator } from '../universal/i18n/translator';
import { renderEmail } from './enqueue-email';
import { type TemplateName, templates } from './templates';

type Previewable = { PreviewProps?: Record<string, unknown> };

/** A template's sample data: the preview props its file exports (a made-up request, never a real one). */
export const samplePropsOf = (name: TemplateName) =>
  (templates[name].component as unknown as Previewable).PreviewProps ?? {};

/**
 * The editor's preview: the real template rendered with its sample data and the draft's words, which
 * are checked first exactly as a save checks them (an invalid draft is refused with the same field
 * errors, and nothing is stored either way). The standard staff messages are shown as they reach the
 * requester: in the "we need something from you" email, with the clarification question.
 */
export async function previewTemplate(options: { staff: StaffIdentity; input: TemplateMessagesInput }) {
  authorize(options.staff, 'templates.manage');
  const input = templateMessagesSchema.parse(options.input);
  const template = editableTemplate(input.template)!;
  const edited = validateTemplateMessages({ template, locale: input.locale, messages: input.messages });
  if (template.name === STANDARD_MESSAGES_TEMPLATE) {
    const t = createTranslator(input.locale, { ...messagesOf(input.locale), ...edited });
    const props = { ...samplePropsOf('requester-message'), message: t('standard.ask.awaiting_clarification') };
    const { subject, html } = await renderEmail('requester-message', props as never, input.locale);
    return { subject, html };
  }
  const name = template.name as TemplateName;
  const { subject, html } = await renderEmail(name, samplePropsOf(name) as never, input.locale, edited);
  return { subject, html };
}
