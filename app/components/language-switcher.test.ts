import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageName, translatorFor } from '@/lib/i18n/catalogs';
import { negotiateLocale } from '@/lib/i18n/negotiate-locale';
import { LOCALES } from '@/lib/universal/i18n/locales';
import { LanguageSwitcher } from './language-switcher';

const switcher = (component: typeof LanguageSwitcher, t: ReturnType<typeof translatorFor>) =>
  renderToStaticMarkup(createElement(component, { t, path: '/status/x?token=y' }));

describe('the language switcher', () => {
  it('lists every language under the name its own catalog gives it', () => {
    const html = switcher(LanguageSwitcher, translatorFor('en'));
    for (const locale of LOCALES) expect(html, locale).toContain(`lang="${locale}"`);
    expect(LOCALES.map(languageName)).toEqual([
      'English',
      'Français',
      'Français (Canada)',
      'Español',
      'Português (Brasil)',
      'Deutsch',
    ]);
    expect(html).toContain('>Deutsch</a>');
    expect(html).toContain('<span aria-current="true" lang="en">English</span>');
  });
});

describe('a sixth language: its catalog file plus its code in LOCALES', () => {
  const cwd = process.cwd();
  let root: string | undefined;
  afterEach(() => {
    process.chdir(cwd);
    vi.doUnmock('@/lib/universal/i18n/locales');
    vi.resetModules();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('appears in the switcher, is negotiated from Accept-Language and its messages are used', async () => {
    // A copy of the project's catalogs with an Italian one beside them, and LOCALES with `it` added:
    // the two changes a new language makes, and nothing else.
    root = mkdtempSync(path.join(tmpdir(), 'catalogs-'));
    const dir = path.join(root, 'lib/universal/i18n/messages');
    cpSync(path.join(cwd, 'lib/universal/i18n/messages'), dir, { recursive: true });
    const english = JSON.parse(readFileSync(path.join(dir, 'en.json'), 'utf8'));
    writeFileSync(
      path.join(dir, 'it.json'),
      JSON.stringify({ ...english, 'meta.languageName': 'Italiano', 'chrome.languages': 'Lingue' }),
    );
    process.chdir(root);
    vi.resetModules();
    vi.doMock('@/lib/universal/i18n/locales', async (importOriginal) => {
      const original = await importOriginal<typeof import('@/lib/universal/i18n/locales')>();
      return { ...original, LOCALES: [...original.LOCALES, 'it'] };
    });
    const fresh = {
      switcher: (await import('./language-switcher')).LanguageSwitcher,
      catalogs: await import('@/lib/i18n/catalogs'),
      negotiate: (await import('@/lib/i18n/negotiate-locale')).negotiateLocale,
    };
    expect(fresh.negotiate('it-IT,it;q=0.9,en;q=0.5')).toBe('it');
    const italian = fresh.catalogs.translatorFor('it' as never);
    expect(italian('chrome.languages')).toBe('Lingue');
    const html = switcher(fresh.switcher, fresh.catalogs.translatorFor('en'));
    expect(html).toMatch(/<a href="\/status\/x\?token=y&amp;lang=it" lang="it" hrefLang="it">Italiano<\/a>/i);
    expect(html).toContain('>Deutsch</a>');
  });

  it('is refused at start, naming the file, when the code is added without its catalog', async () => {
    vi.resetModules();
    vi.doMock('@/lib/universal/i18n/locales', async (importOriginal) => {
      const original = await importOriginal<typeof import('@/lib/universal/i18n/locales')>();
      return { ...original, LOCALES: [...original.LOCALES, 'it'] };
    });
    await expect(import('@/lib/i18n/catalogs')).rejects.toThrow(
      /it is in LOCALES but has no catalog: create .*it\.json/,
    );
  });

  it('each language the portal speaks is what negotiation finds for its own tag', () => {
    for (const locale of LOCALES) expect(negotiateLocale(locale)).toBe(locale);
  });
});
