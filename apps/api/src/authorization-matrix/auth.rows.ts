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
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }), inside: [401, 200, 200, 200, 200] },
  'GET /api/v1/org-units': {
    request: () => ({ url: '/api/v1/org-units' }),
    inside: [401, 200, 200, 200, 200],
  },
};
