import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorSummaryView } from './error-summary-view';

describe('ErrorSummaryView', () => {
  it('is headed by the title the page gives, in its language, and has no English one of its own', () => {
    const errors = [{ message: 'Wählen Sie mindestens eine Art von Anfrage', fieldId: 'types' }];
    const titled = renderToStaticMarkup(createElement(ErrorSummaryView, { errors, title: 'Es gibt ein Problem' }));
    expect(titled).toContain('<h2 id="error-summary-title">Es gibt ein Problem</h2>');
    // @ts-expect-error the title is required: `npm run typecheck` fails if it becomes optional again
    const untitled = renderToStaticMarkup(createElement(ErrorSummaryView, { errors }));
    expect(untitled).not.toContain('There is a problem');
  });
});
