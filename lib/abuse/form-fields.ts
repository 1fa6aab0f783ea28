/** The form guard's hidden field names, importable from the browser bundle (no secrets here). */
export const HONEYPOT_FIELD = 'website';
export const STARTED_FIELD = 'formStartedAt';
