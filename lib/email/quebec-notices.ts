/**
 * Quebec's notices, in French first (the requester is served in French: Charter of the French
 * language s.55 ff. [S]) with an English version after, from the Act respecting the protection of
 * personal information in the private sector (CQLR c. P-39.1), rights-law.md §1 and §4.
 */

import { DateTime } from 'luxon';

export type LocalizedNotice = { lang: 'fr' | 'en'; text: string };

const CAI = "Commission d'accès à l'information du Québec (https://www.cai.gouv.qc.ca/)";

/** s.32: 30 days, no extension, and silence counts as refusal [P]; s.42-43: recourse to the CAI [S]. */
export function quebecTimeLimitNotice(dueAt: Date, timeZone: string): LocalizedNotice[] {
  const day = DateTime.fromJSDate(dueAt, { zone: timeZone });
  const dueOnFr = day.setLocale('fr-CA').toFormat('d MMMM yyyy');
  const dueOn = day.setLocale('en-GB').toFormat('d MMMM yyyy');
  return [
    {
      lang: 'fr',
      text: `Nous devons répondre à votre demande au plus tard le ${dueOnFr}, soit dans les 30 jours de sa réception ; la loi ne permet pas de prolonger ce délai. Si nous ne répondons pas dans ce délai, votre demande est réputée refusée (art. 32 de la Loi sur la protection des renseignements personnels dans le secteur privé) et vous pouvez alors soumettre une demande d'examen de mésentente à la ${CAI}.`,
    },
    {
      lang: 'en',
      text: `We must answer your request by ${dueOn}, within 30 days of its receipt; the law allows no extension of this time. If we do not answer in time, your request is deemed refused (s.32 of the Act respecting the protection of personal information in the private sector) and you may then apply to the Commission d'accès à l'information du Québec to examine the disagreement.`,
    },
  ];
}

/** s.34: a refusal gives its reasons, the provision relied on, and the recourse with its time limit [S]. */
export function quebecDenialNotices(contactEmail: string): LocalizedNotice[] {
  return [
    {
      lang: 'fr',
      text: `Nous refusons votre demande pour les motifs indiqués ci-dessus, en vertu de la Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1). Vous pouvez, dans les 30 jours qui suivent ce refus, soumettre une demande d'examen de mésentente à la ${CAI} (art. 34, 42 et 43). Pour toute question, écrivez-nous à ${contactEmail} ; nous vous aiderons à comprendre ce refus.`,
    },
    {
      lang: 'en',
      text: `We refuse your request for the reasons given above, under the Act respecting the protection of personal information in the private sector (CQLR c. P-39.1). Within 30 days of this refusal you may apply to the Commission d'accès à l'information du Québec (https://www.cai.gouv.qc.ca/) to examine the disagreement (ss. 34, 42 and 43). If you have questions, write to ${contactEmail}; we will help you understand this refusal.`,
    },
  ];
}
