/** Global Privacy Control's words both sides need: the server and the request form's script. */
export const GPC_SIGNAL = 'gpc';

/** The form field the request form's script adds when `navigator.globalPrivacyControl` is true. */
export const GPC_FORM_FIELD = 'gpc';
