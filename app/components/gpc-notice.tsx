/**
 * What the site shows of Global Privacy Control (CCPA regs §7025(c)(6): display whether the signal was
 * processed as an opt-out of sale/sharing, e.g. "Opt-Out Request Honored"). No personal data: it says
 * only what this browser sent. The no-script path relies on the Sec-GPC header; the request form's
 * script also reads navigator.globalPrivacyControl (request-form.island.tsx).
 */
export const GPC_HONORED_HEADING = 'Opt-Out Request Honored';
export const GPC_HONORED_TEXT =
  'Your browser sent a Global Privacy Control signal. We treat it as a request to opt out of the sale and sharing of your personal information, and when you send a request from this site we record that opt-out for your email address too.';
export const GPC_STATUS = {
  honored: 'Global Privacy Control: signal detected, opt-out request honored.',
  absent: 'Global Privacy Control: no signal detected from this browser.',
};

export function GpcBanner() {
  return (
    <div className="gpc-notice" data-gpc="honored">
      <p className="gpc-notice__inner">
        <strong>{GPC_HONORED_HEADING}.</strong> {GPC_HONORED_TEXT}
      </p>
    </div>
  );
}

export function GpcStatus({ gpc }: { gpc: boolean }) {
  return <p data-gpc-status="">{gpc ? GPC_STATUS.honored : GPC_STATUS.absent}</p>;
}
