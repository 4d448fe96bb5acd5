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
});
