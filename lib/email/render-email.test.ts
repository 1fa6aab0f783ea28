import { render } from '@react-email/render';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderEmail } from './enqueue-email';
import { type TemplateName, templates } from './templates';

type Previewable = { PreviewProps?: Record<string, unknown> };

describe('renderEmail', () => {
  // Typed text, link and escaping all in one: the text part is what the tests and the dev mailbox read links from.
  const hostile = { reference: 'BR-2026-000042', verifyUrl: 'https://portal.example/verify?token=a_b-c&x=<y>' };

  // React Email's streaming render leaves React's markers in the HTML (`<!--$-->`, `<!--html-->`… and
  // `<!-- -->` between adjacent texts); renderEmail's synchronous render has none. Outlook's
  // conditional comments (`<!--[if mso]>`) are content, kept by both.
  const streamMarkers = /<!--( |\/?\$|html|head|body)-->/g;
  const withoutStreamMarkers = (html: string) => html.replace(streamMarkers, '');

  it.each(Object.keys(templates) as TemplateName[])(
    'gives %s the same HTML and text as React Email renders separately',
    async (name) => {
      const component = templates[name].component as Previewable & Parameters<typeof createElement>[0];
      expect(component.PreviewProps, `${name} has PreviewProps`).toBeDefined();
      const props = { ...component.PreviewProps, ...(name === 'verify-request' ? hostile : {}) };
      const rendered = await renderEmail(name, props as never);
      const element = createElement(component, props as never);
      expect(rendered.html).toBe(withoutStreamMarkers(await render(element)));
      expect(rendered.html).not.toMatch(streamMarkers);
      expect(rendered.html).not.toContain('<link rel="preload"');
      expect(rendered.text).toBe(await render(element, { plainText: true }));
      expect(rendered.text.length).toBeGreaterThan(50);
    },
  );
});
