import { RouteRows } from './matrix.types';

export const PRIVACY_ROUTES: RouteRows = {
  'GET /api/v1/users/{id}/personal-data': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}/personal-data?format=json` }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  // a person of its own, as the one cell that succeeds erases them for good
  'POST /api/v1/users/{id}/erasure': {
    request: (target) => ({
      url: `/api/v1/users/${target.erasable.userId}/erasure`,
      payload: { reason: 'Asked by the person', confirmLogin: target.erasable.login },
    }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
};
