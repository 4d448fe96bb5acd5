import { PASSWORD, RouteRows } from './matrix.types';

export const PLATFORM_ROUTES: RouteRows = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), inside: [200, 200, 200, 200, 200] },
  'POST /api/v1/auth/sign-in': {
    request: () => ({ url: '/api/v1/auth/sign-in', payload: { login: 'nobody.at.all', password: PASSWORD } }),
    inside: [401, 401, 401, 401, 401],
  },
};
