/**
 * A real OpenID Connect provider for the single sign-on tests: panva's certified `oidc-provider`,
 * on loopback, with its development login and consent pages (any login name is an account; its
 * claims are whatever the test set for it). Never a mock: discovery, signed ID tokens, PKCE, the
 * token endpoint and UserInfo are the library's own.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export type IdpClaims = {
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  upn?: string;
  name?: string;
};

/**
 * `userinfo`: scope claims only in UserInfo, the spec's default for the code flow (and the library's).
 * `id_token`: every scope claim in the ID token too, as some providers are configured.
 */
export type ClaimsDelivery = 'userinfo' | 'id_token';

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;

/**
 * Listens on 127.0.0.1 and 127.0.0.2 at `port`: the issuer is http://127.0.0.1:port unless a test
 * makes the same address answer as another issuer (http://127.0.0.2:port).
 */
export async function startIdentityProvider(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}) {
  const accounts = new Map<string, IdpClaims>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-idp', use: 'sig', alg: 'RS256' };
  const issuerAt = (host: string) => `http://${host}:${options.port}`;

  function build(issuer: string, delivery: ClaimsDelivery) {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: [options.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'upn'] },
      conformIdTokenClaims: delivery === 'userinfo',
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, ...accounts.get(id) }),
      }),
      jwks: { keys: [signingKey] },
      cookies: { keys: ['identity-provider-test-cookie-key'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
      features: { devInteractions: { enabled: true } },
    });
    return provider;
  }

  let current = build(issuerAt('127.0.0.1'), 'userinfo');
  let handler = current.callback();
  const servers: Server[] = [];
  for (const host of ['127.0.0.1', '127.0.0.2']) {
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
    servers.push(server);
  }

  return {
    issuer: issuerAt('127.0.0.1'),
    /** Creates or changes an account: its login name is its `sub`. */
    setAccount(login: string, claims: IdpClaims) {
      accounts.set(login, claims);
    },
    /** From now on the provider gives claims this way, and calls itself `issuer`. */
    configure({
      delivery = 'userinfo',
      foreignIssuer = false,
    }: {
      delivery?: ClaimsDelivery;
      foreignIssuer?: boolean;
    }) {
      current = build(issuerAt(foreignIssuer ? '127.0.0.2' : '127.0.0.1'), delivery);
      handler = current.callback();
    },
    async stop() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
