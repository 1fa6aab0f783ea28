import { expect, type APIRequestContext, type Page } from '@playwright/test';

type MailboxMessage = { id: string; to: string; subject: string; html: string; text: string; createdAt: string };

/** Waits for the newest message to `to` whose subject matches, from the dev mailbox's JSON API. */
export async function waitForEmail(request: APIRequestContext, to: string, subject: RegExp): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const messages: MailboxMessage[] = await (await request.get('/api/dev/mailbox')).json();
        found = messages.find((m) => m.to === to && subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

export function linkIn(message: MailboxMessage, path: RegExp): string {
  const match = message.text.match(new RegExp(`https?://[^\\s\\]]+${path.source}[^\\s\\])]*`));
  if (!match) throw new Error(`No link matching ${path} in "${message.subject}"`);
  return match[0];
}

export function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function expectNoSeriousA11yViolations(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  // A page reached by a form post (303, or the form again) may still be loading its stylesheet.
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
