import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { DisplayLocale } from '@/lib/universal/i18n/locales';
import { emailTranslator } from './email-locale';

export type Brand = { companyName: string; contactEmail: string; privacyPolicyUrl: string };

export const previewBrand: Brand = {
  companyName: 'Bitstride',
  contactEmail: 'legal@bitstride.xyz',
  privacyPolicyUrl: 'https://bitstride.xyz/privacy',
};

const body = {
  backgroundColor: '#f6f7f9',
  fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif',
  color: '#1a1d21',
};
const container = {
  backgroundColor: '#ffffff',
  margin: '24px auto',
  padding: '24px 32px',
  maxWidth: '560px',
  borderRadius: '8px',
};
const footer = { color: '#5b6470', fontSize: '12px', lineHeight: '18px' };

/** The frame every email shares: who it is from and how to reach a person. */
export function EmailLayout({
  preview,
  brand,
  locale,
  children,
}: {
  preview: string;
  brand: Brand;
  /** The email's language (the request's); the frame's words follow it. */
  locale?: DisplayLocale;
  children: ReactNode;
}) {
  const t = emailTranslator(locale);
  return (
    <Html lang={t.locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: '14px', fontWeight: 600, margin: '0 0 16px' }}>
            {t('email.layout.from', { company: brand.companyName })}
          </Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={footer}>
            {t('email.layout.footer', {
              company: brand.companyName,
              contact: brand.contactEmail,
              policyUrl: brand.privacyPolicyUrl,
            })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: '15px', lineHeight: '22px' };
export const button = {
  backgroundColor: '#1f4fd1',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  fontSize: '15px',
  textDecoration: 'none',
  display: 'inline-block',
};
