'use server';

/**
 * Server actions of the email templates page. Each is a `staffAction`; the domain functions check
 * the permission again themselves.
 */
import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/auth/staff-action';
import { previewTemplate } from '@/lib/email/preview-template';
import { revertTemplateVersion } from '@/lib/templates/revert-template-version';
import { saveTemplateVersion } from '@/lib/templates/save-template-version';
import { revertTemplateSchema, templateMessagesSchema } from '@/lib/templates/schemas';

const refresh = () => revalidatePath('/admin/templates');

export const saveTemplateAction = staffAction(
  'templates.manage',
  templateMessagesSchema,
  async ({ staff, input }) => {
    const saved = await saveTemplateVersion({ staff, input });
    refresh();
    return saved;
  },
  (saved) => (saved.changed ? `Saved as version ${saved.version}.` : 'Nothing changed: no new version saved.'),
);

/** The live preview: renders the draft with sample data; nothing is saved. */
export const previewTemplateAction = staffAction(
  'templates.manage',
  templateMessagesSchema,
  async ({ staff, input }) => previewTemplate({ staff, input }),
  () => 'Preview updated.',
);

export const revertTemplateAction = staffAction(
  'templates.manage',
  revertTemplateSchema,
  async ({ staff, input }) => {
    const saved = await revertTemplateVersion({ staff, input });
    refresh();
    return { ...saved, from: input.version };
  },
  (saved) =>
    saved.changed
      ? `Version ${saved.from} is back in use, saved as version ${saved.version}.`
      : `Version ${saved.from}’s words are already in use.`,
);
