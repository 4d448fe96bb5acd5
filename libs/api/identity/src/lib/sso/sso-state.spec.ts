import { SsoState, sameSitePath, sealSsoState, unsealSsoState } from './sso-state';

const SECRET = 'a secret of at least thirty-two characters';
const state: SsoState = {
  state: 'state-value',
  nonce: 'nonce-value',
  codeVerifier: 'verifier-value',
  returnTo: '/profile',
  redirectUri: 'https://academy.example.org/api/v1/auth/sso/callback',
  expiresAt: Math.floor(Date.parse('2026-11-28T12:10:00Z') / 1000),
};
const before = new Date('2026-11-28T12:05:00Z');

describe('single sign-on state cookie', () => {
  it('reads back what it sealed while it is fresh', () => {
    expect(unsealSsoState(sealSsoState(state, SECRET), SECRET, before)).toEqual(state);
  });

  it('refuses it once it has expired', () => {
    expect(unsealSsoState(sealSsoState(state, SECRET), SECRET, new Date('2026-11-28T12:10:00Z'))).toBeNull();
  });

  it('refuses a changed payload, another secret, and values that are not sealed states', () => {
    const [, signature] = sealSsoState(state, SECRET).split('.');
    const changed = Buffer.from(JSON.stringify({ ...state, returnTo: '/admin' })).toString('base64url');
    expect(unsealSsoState(`${changed}.${signature}`, SECRET, before)).toBeNull();
    expect(unsealSsoState(sealSsoState(state, SECRET), `${SECRET}!`, before)).toBeNull();
    for (const value of [undefined, '', 'abc', 'a.b.c', `${changed}.`]) {
      expect(unsealSsoState(value, SECRET, before)).toBeNull();
    }
  });

  it('refuses a correctly signed value that lacks a field', () => {
    const incomplete: Partial<SsoState> = { ...state };
    delete incomplete.nonce;
    expect(unsealSsoState(sealSsoState(incomplete as SsoState, SECRET), SECRET, before)).toBeNull();
  });
});

describe('sameSitePath', () => {
  it('keeps a path of the app with its query', () => {
    expect(sameSitePath('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it.each([
    undefined,
    '',
    'https://evil.example.org/',
    '//evil.example.org/',
    '/\\evil.example.org',
    'profile',
    '/profile\r\nSet-Cookie: x=y',
    '/sign-in?returnUrl=%2F',
    '/api/v1/me',
  ])('sends %p to the home page', (returnTo) => {
    expect(sameSitePath(returnTo)).toBe('/');
  });
});
