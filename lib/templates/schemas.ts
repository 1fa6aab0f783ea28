import { z } from 'zod';
import { LOCALES } from '../universal/i18n/locales';
import { editableTemplate } from './editable-templates';

const templateName = z
  .string()
  .max(64)
  .refine((name) => editableTemplate(name) !== undefined, 'Choose a template from the list');

/** A form posts each message as a field named by its key ("email.decided.title"); gather them. */
const gatherMessages = (input: unknown) => {
  if (!input || typeof input !== 'object' || 'messages' in input) return input;
  const entries = Object.entries(input as Record<string, unknown>);
  return {
    ...Object.fromEntries(entries.filter(([key]) => !key.includes('.'))),
    messages: Object.fromEntries(entries.filter(([key]) => key.includes('.'))),
  };
};

/** One template's messages in one language, as the editor posts them (blank: the catalog's words). */
export const templateMessagesSchema = z.preprocess(
  gatherMessages,
  z.object({
    template: templateName,
    locale: z.enum(LOCALES, 'Choose a language'),
    messages: z.record(z.string().max(120), z.string().max(4000, 'At most 4,000 characters')),
  }),
);
export type TemplateMessagesInput = z.output<typeof templateMessagesSchema>;

/** Saving an older version again as the current one. */
export const revertTemplateSchema = z.object({
  template: templateName,
  locale: z.enum(LOCALES, 'Choose a language'),
  version: z.coerce.number().int().min(0),
});
export type RevertTemplateInput = z.output<typeof revertTemplateSchema>;
