import { loadApiConfig } from '../config/api-config';
import { cookiesAreSecure } from './secure-cookies';

const PRODUCTION = { NODE_ENV: 'production', APP_SECRET: 'a production secret of at least 32 characters' };

describe('Secure cookies', () => {
  it('are Secure in production even when TLS ended at a proxy in front', () => {
    expect(cookiesAreSecure(loadApiConfig(PRODUCTION), { protocol: 'http' })).toBe(true);
  });

  it('follow the request outside production: Secure over HTTPS only', () => {
    const config = loadApiConfig({ NODE_ENV: 'development' });
    expect(cookiesAreSecure(config, { protocol: 'https' })).toBe(true);
    expect(cookiesAreSecure(config, { protocol: 'http' })).toBe(false);
  });

  it('obey COOKIE_SECURE either way', () => {
    const plainHttpProduction = loadApiConfig({ ...PRODUCTION, COOKIE_SECURE: 'false' });
    expect(cookiesAreSecure(plainHttpProduction, { protocol: 'http' })).toBe(false);
    const alwaysSecure = loadApiConfig({ NODE_ENV: 'development', COOKIE_SECURE: 'true' });
    expect(cookiesAreSecure(alwaysSecure, { protocol: 'http' })).toBe(true);
  });
});
