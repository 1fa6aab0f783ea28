/**
 * What the site shows of Global Privacy Control (CCPA regs §7025(c)(6): display whether the signal was
 * processed as an opt-out of sale/sharing, e.g. "Opt-Out Request Honored"). No personal data: it says
 * only what this browser sent. The no-script path relies on the Sec-GPC header; the request form's
 * script also reads navigator.globalPrivacyControl (request-form.island.tsx).
 */
import type { Translator } from '@/lib/universal/i18n/translator';

export function GpcBanner({ t }: { t: Translator }) {
  return (
    <div className="gpc-notice" data-gpc="honored">
      <p className="gpc-notice__inner">
        <strong>{t('gpc.heading')}.</strong> {t('gpc.text')}
      </p>
    </div>
  );
}

export function GpcStatus({ gpc, t }: { gpc: boolean; t: Translator }) {
  return (
    <p data-gpc-status="" data-gpc-honored-text={t('gpc.statusHonored')}>
      {gpc ? t('gpc.statusHonored') : t('gpc.statusAbsent')}
    </p>
  );
}
