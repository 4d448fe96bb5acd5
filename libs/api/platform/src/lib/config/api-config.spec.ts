import { ConfigValidationError, DEV_APP_SECRET, loadApiConfig } from './api-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadApiConfig', () => {
  it('uses development defaults when nothing is set', () => {
    const config = loadApiConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.EMBEDDED_PG_PORT).toBe(54329);
    expect(config.DATA_DIR).toBe('.data');
    expect(config.WEB_DIST_DIR).toBe('dist/apps/web/browser');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.seedDemoData).toBe(true);
  });

  it('converts numbers and booleans from their text form', () => {
    const config = loadApiConfig({ PORT: '8080', SEED_DEMO_DATA: 'false', EMBEDDED_PG_PORT: '55000' });
    expect(config.PORT).toBe(8080);
    expect(config.EMBEDDED_PG_PORT).toBe(55000);
    expect(config.seedDemoData).toBe(false);
  });

  it('treats an empty variable as not set', () => {
    expect(loadApiConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    const problems = problemsOf({
      PORT: 'abc',
      NODE_ENV: 'staging',
      SEED_DEMO_DATA: 'maybe',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be an integer port number \(got "abc"\)/),
        expect.stringMatching(/^NODE_ENV: must be one of development, test, production/),
        expect.stringMatching(/^SEED_DEMO_DATA: must be true or false/),
        'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      ]),
    );
  });

  it('says once that a non-number is not a port', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: must be an integer port number (got "abc")']);
  });

  it('rejects a port out of range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual([
      expect.stringMatching(/^PORT: must be between 0 and 65535/),
    ]);
  });

  it('refuses the development secret in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([expect.stringMatching(/^APP_SECRET: the development default is refused/)]);
  });

  it('never echoes a secret in its error message', () => {
    const message = problemsOf({ APP_SECRET: 'short-secret' }).join('\n');
    expect(message).toContain('APP_SECRET: must be at least 32 characters long');
    expect(message).not.toContain('short-secret');
  });

  it('accepts production with a real secret and turns demo seeding off', () => {
    const config = loadApiConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(48) });
    expect(config.APP_SECRET).not.toBe(DEV_APP_SECRET);
    expect(config.seedDemoData).toBe(false);
  });

  describe('single sign-on', () => {
    const sso = {
      OIDC_ISSUER_URL: 'https://id.customs.example.kz/realms/staff',
      OIDC_CLIENT_ID: 'border-academy',
      OIDC_CLIENT_SECRET: 'client-secret-value',
      OIDC_DEFAULT_ORG_UNIT: 'kz-customs',
      OIDC_DISPLAY_NAME: 'Customs account',
    };

    it('is off when no OIDC_ variable is set', () => {
      expect(loadApiConfig({}).ssoEnabled).toBe(false);
    });

    it('is on with the required variables and defaults the claim, role and scopes', () => {
      const config = loadApiConfig(sso);
      expect(config.ssoEnabled).toBe(true);
      expect(config.OIDC_LOGIN_CLAIM).toBe('preferred_username');
      expect(config.OIDC_DEFAULT_ROLE).toBe('learner');
      expect(config.OIDC_SCOPES).toBe('openid profile email');
    });

    it('names every missing variable when only part of it is configured, without the secret', () => {
      const problems = problemsOf({ OIDC_ISSUER_URL: sso.OIDC_ISSUER_URL, OIDC_DEFAULT_ROLE: 'trainer' });
      expect(problems).toEqual([
        expect.stringMatching(
          /^OIDC_CLIENT_ID: must be set for single sign-on, since OIDC_ISSUER_URL, OIDC_DEFAULT_ROLE are set/,
        ),
        expect.stringMatching(/^OIDC_CLIENT_SECRET: must be set/),
        expect.stringMatching(/^OIDC_DEFAULT_ORG_UNIT: must be set/),
        expect.stringMatching(/^OIDC_DISPLAY_NAME: must be set/),
      ]);
    });

    it('refuses a role that does not exist, scopes without openid and a secret it would echo', () => {
      const problems = problemsOf({
        ...sso,
        OIDC_DEFAULT_ROLE: 'superuser',
        OIDC_SCOPES: 'profile email',
        OIDC_ISSUER_URL: 'not a url',
      });
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^OIDC_DEFAULT_ROLE: must be one of learner, trainer, reviewer, hr, admin/),
          expect.stringMatching(/^OIDC_SCOPES: must be scopes separated by single spaces, openid among them/),
          expect.stringMatching(/^OIDC_ISSUER_URL: must be an http:\/\/ or https:\/\/ URL/),
        ]),
      );
      expect(problems.join('\n')).not.toContain(sso.OIDC_CLIENT_SECRET);
    });

    it('requires an https issuer in production', () => {
      const problems = problemsOf({
        ...sso,
        NODE_ENV: 'production',
        APP_SECRET: 'x'.repeat(48),
        OIDC_ISSUER_URL: 'http://id.customs.example.kz',
      });
      expect(problems).toEqual(['OIDC_ISSUER_URL: must be an https:// URL when NODE_ENV=production']);
    });
  });
});
