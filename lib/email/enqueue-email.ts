import { render } from '@react-email/render';
import { createElement } from 'react';
import type { Tx } from '../db';
import { env } from '../env';
import { addJob } from '../queue/add-job';
import { type TemplateName, type TemplateProps, templates } from './templates';

export function brand() {
  const e = env();
  return { companyName: e.COMPANY_NAME, contactEmail: e.PRIVACY_CONTACT_EMAIL, privacyPolicyUrl: e.PRIVACY_POLICY_URL };
}

export async function renderEmail<N extends TemplateName>(name: N, props: TemplateProps<N>) {
  const { component, subject } = templates[name] as unknown as {
    component: Parameters<typeof createElement>[0];
    subject: (p: TemplateProps<N>) => string;
  };
  const element = createElement(component, props as never);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: subject(props), html, text };
}

/**
 * Writes the email to the outbox and schedules its delivery, both inside the caller's transaction:
 * a change that commits always has its email, and one that rolls back never sends one.
 */
export async function enqueueEmail<N extends TemplateName>(
  tx: Tx,
  options: { template: N; to: string; props: TemplateProps<N>; requestId?: string | null },
) {
  const rendered = await renderEmail(options.template, options.props);
  const row = await tx.outboxEmail.create({
    data: {
      template: options.template,
      to: options.to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      requestId: options.requestId ?? null,
    },
    select: { id: true },
  });
  await addJob(tx, 'deliver-email', { outboxId: row.id });
  return row.id;
}
