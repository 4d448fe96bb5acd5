import { PASSWORD, RouteRows } from './matrix.types';

export const AUTH_ROUTES: RouteRows = {
  'POST /api/v1/auth/refresh': {
    request: () => ({ url: '/api/v1/auth/refresh' }),
    inside: [401, 401, 401, 401, 401],
  },
  'POST /api/v1/auth/sign-out': {
    request: () => ({ url: '/api/v1/auth/sign-out' }),
    inside: [204, 204, 204, 204, 204],
  },
  'POST /api/v1/auth/sign-out-everywhere': {
    request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }),
    inside: [401, 204, 204, 204, 204],
  },
  'POST /api/v1/auth/password': {
    request: () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'a different matrix passphrase' },
    }),
    inside: [401, 204, 204, 204, 204],
  },
  // public: a token that names no link is gone for everyone, signed in or not
  'POST /api/v1/auth/reset-password': {
    request: () => ({
      url: '/api/v1/auth/reset-password',
      payload: { token: 'no-such-reset-token', newPassword: 'a new matrix passphrase' },
    }),
    inside: [410, 410, 410, 410, 410],
  },
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }), inside: [401, 200, 200, 200, 200] },
  'GET /api/v1/org-units': {
    request: () => ({ url: '/api/v1/org-units' }),
    inside: [401, 200, 200, 200, 200],
  },
  // single sign-on is off in the matrix app: the status says so to everyone, the flow's routes are 404
  'GET /api/v1/auth/sso': { request: () => ({ url: '/api/v1/auth/sso' }), inside: [200, 200, 200, 200, 200] },
  'GET /api/v1/auth/sso/start': {
    request: () => ({ url: '/api/v1/auth/sso/start?returnTo=%2F' }),
    inside: [404, 404, 404, 404, 404],
  },
  'GET /api/v1/auth/sso/callback': {
    request: () => ({ url: '/api/v1/auth/sso/callback?code=x&state=y' }),
    inside: [404, 404, 404, 404, 404],
  },
};
