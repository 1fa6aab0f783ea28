/**
 * The status as the JSON API gives it: in English (decision 013), every phrase put into English
 * words and the page's own wording aids left out, so the API's shape stays what openapi-status.ts
 * describes.
 */
import { sayEach } from '../i18n/say-phrases';
import type { PublicRequestStatus } from './get-request-status';

export function statusForApi({ deadlineSteps: _steps, ...status }: PublicRequestStatus) {
  return {
    ...status,
    decisionNotices: status.decisionNotices && sayEach('en', status.decisionNotices).map((n) => n.text),
    timeline: status.timeline.map(({ at, summary, action }) => ({ at, summary, action })),
  };
}
