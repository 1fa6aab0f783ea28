/**
 * The words of DRP 1.0 that other layers name too (the API document): the exercise values of §3.01.
 * Below every other part of lib/drp, so that lib/requests/openapi.ts can read it without a loop.
 */
export const DRP_EXERCISES = [
  'access',
  'deletion',
  'sale:opt-out',
  'sale:opt-in',
  'access:categories',
  'access:specific',
] as const;
export type DrpExercise = (typeof DRP_EXERCISES)[number];
