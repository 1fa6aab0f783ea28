import { Text } from '@react-email/components';
import { sayEach } from '@/lib/i18n/say-phrases';
import { DEFAULT_LOCALE, type DisplayLocale } from '@/lib/universal/i18n/locales';
import type { Phrase } from '@/lib/universal/i18n/phrase';
import { paragraph } from './layout';

/**
 * The regime's notices in the request's language, one paragraph each; a notice the law binds to
 * another language (Quebec's, in French) comes first and is marked with its language.
 */
export function Notices({ locale, notices }: { locale: DisplayLocale | undefined; notices: readonly Phrase[] }) {
  const reader = locale ?? DEFAULT_LOCALE;
  return sayEach(reader, notices).map((notice) => (
    <Text key={notice.text} style={paragraph} lang={notice.lang === reader ? undefined : notice.lang}>
      {notice.text}
    </Text>
  ));
}
