import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The e2e crawl (tests/e2e/forms.spec.ts) checks every form it can reach; this checks the source of
// every form, including those only some data shows (an SSO link, a task with a checklist): a form
// without a method submits as GET before its script runs, with its fields in the URL. Forms post;
// the only GET forms are the date-range and period filters the crawl checks for personal data.

const APP = path.join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

/** Each `<form …>` opening tag in a file, with its line, reading JSX braces so that `=>` does not end it. */
function formTags(source: string): { line: number; tag: string }[] {
  const tags: { line: number; tag: string }[] = [];
  for (const match of source.matchAll(/<form\b/g)) {
    let depth = 0;
    let end = match.index;
    for (; end < source.length; end += 1) {
      const c = source[end];
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      else if (c === '>' && depth === 0) break;
    }
    tags.push({ line: source.slice(0, match.index).split('\n').length, tag: source.slice(match.index, end + 1) });
  }
  return tags;
}

describe('forms in app/', () => {
  const files = sourceFiles(APP);

  it('finds the forms it checks', () => {
    expect(files.flatMap((file) => formTags(readFileSync(file, 'utf8'))).length).toBeGreaterThan(10);
  });

  it('every form says its method: post, or get for the few filter forms', () => {
    const getForms: string[] = [];
    const offenders = files.flatMap((file) =>
      formTags(readFileSync(file, 'utf8'))
        .filter(({ tag, line }) => {
          if (/\bmethod="get"/.test(tag)) getForms.push(`${path.relative(APP, file)}:${line}`);
          // A form whose action is a server action (`action={form.formAction}`, app/(staff)/admin/
          // action-form.tsx) is rendered by React with method="POST" and works before its script.
          return !/\bmethod="(post|get)"/.test(tag) && !/\baction=\{form\.formAction\}/.test(tag);
        })
        .map(({ line }) => `${path.relative(APP, file)}:${line}`),
    );
    expect(offenders).toEqual([]);
    expect(getForms.map((at) => at.split(':')[0])).toEqual([
      '(staff)/admin/(workspace)/csv-range-download.tsx',
      '(staff)/admin/(workspace)/metrics/ccpa-report/page.tsx',
      '(staff)/admin/(workspace)/metrics/page.tsx',
      // Which template and language to edit: names from a fixed list, never personal data.
      '(staff)/admin/(workspace)/templates/page.tsx',
    ]);
  });
});
