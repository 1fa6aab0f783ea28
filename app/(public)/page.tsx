import { formStartedStamp } from '@/lib/abuse/form-guard';
import { env } from '@/lib/env';
import { RequestForm } from './request-form';
import { RightsIntro } from './rights-intro';

export default function RequestPage() {
  const { COMPANY_NAME, VERIFICATION_TTL_HOURS } = env();
  return (
    <>
      <h1>Make a privacy request to {COMPANY_NAME}</h1>
      <RightsIntro companyName={COMPANY_NAME} verificationHours={VERIFICATION_TTL_HOURS} />
      <RequestForm companyName={COMPANY_NAME} formStartedAt={formStartedStamp()} />
    </>
  );
}
