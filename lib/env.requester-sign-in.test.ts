import { afterEach, expect, it } from 'vitest';
import { scopedEnv } from '../tests/support/scoped-env';
import { env } from './env';

const settings = scopedEnv([
  'REQUESTER_OIDC_ISSUER',
  'REQUESTER_OIDC_CLIENT_ID',
  'REQUESTER_OIDC_CLIENT_SECRET',
  'REQUESTER_OIDC_NAME',
  'COMPANY_NAME',
]);
afterEach(() => settings.restore());

const client = { REQUESTER_OIDC_CLIENT_ID: 'portal', REQUESTER_OIDC_CLIENT_SECRET: 'secret' };

it('is off unless all three are set, and refuses one or two of them', () => {
  settings.set({});
  expect(env().requesterSignIn).toBeNull();
  settings.set({ REQUESTER_OIDC_ISSUER: 'https://login.bitstride.xyz' });
  expect(() => env()).toThrow(/REQUESTER_OIDC_ISSUER: requester sign-in needs .* together/);
  settings.set({ ...client });
  expect(() => env()).toThrow(/REQUESTER_OIDC_ISSUER/);
});

it('names the button after the company unless REQUESTER_OIDC_NAME says otherwise', () => {
  settings.set({ REQUESTER_OIDC_ISSUER: 'https://login.bitstride.xyz', COMPANY_NAME: 'Bitstride', ...client });
  expect(env().requesterSignIn).toEqual({
    issuer: 'https://login.bitstride.xyz',
    clientId: 'portal',
    clientSecret: 'secret',
    name: 'your Bitstride account',
  });
  settings.set({
    REQUESTER_OIDC_ISSUER: 'https://login.bitstride.xyz',
    REQUESTER_OIDC_NAME: 'Bitstride ID',
    ...client,
  });
  expect(env().requesterSignIn?.name).toBe('Bitstride ID');
});

it('takes plain http only from a provider on this machine', () => {
  for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:4000/realms/x', 'http://[::1]:4000']) {
    settings.set({ REQUESTER_OIDC_ISSUER: issuer, ...client });
    expect(env().requesterSignIn?.issuer).toBe(issuer);
  }
  for (const issuer of [
    'http://login.bitstride.xyz',
    'http://127.0.0.1.example.com',
    'http://localhost.evil.example',
  ]) {
    settings.set({ REQUESTER_OIDC_ISSUER: issuer, ...client });
    expect(() => env(), issuer).toThrow(/REQUESTER_OIDC_ISSUER: must be https/);
  }
});
