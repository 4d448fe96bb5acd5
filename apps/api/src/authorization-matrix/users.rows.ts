import { RouteRows } from './matrix.types';

let created = 0;

export const USER_ROUTES: RouteRows = {
  'GET /api/v1/users': { request: () => ({ url: '/api/v1/users' }), inside: [401, 403, 403, 200, 200] },
  // a new login for every cell; outside the scope the unit is refused as a field of the body
  'POST /api/v1/users': {
    request: (target) => {
      created += 1;
      return {
        url: '/api/v1/users',
        payload: {
          login: `matrix.created.${created}`,
          email: `matrix.created.${created}@example.org`,
          fullName: 'Created Person',
          orgUnitId: target.orgUnitId,
          grants: [{ role: 'learner', orgUnitId: target.orgUnitId }],
        },
      };
    },
    inside: [401, 403, 403, 403, 201],
    outside: [401, 403, 403, 403, 400],
  },
  'GET /api/v1/users/{id}': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}` }),
    inside: [401, 403, 403, 200, 200],
    outside: [401, 403, 403, 404, 404],
  },
  'PATCH /api/v1/users/{id}': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}`, payload: { fullName: 'Renamed Person' } }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/users/{id}/grants': {
    request: (target) => ({
      url: `/api/v1/users/${target.userId}/grants`,
      payload: { role: 'trainer', orgUnitId: target.orgUnitId },
    }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  'DELETE /api/v1/users/{id}/grants/{grantId}': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}/grants/${target.grantId}` }),
    inside: [401, 403, 403, 403, 204],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/users/{id}/unlock': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}/unlock` }),
    inside: [401, 403, 403, 403, 204],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/users/{id}/reset-links': {
    request: (target) => ({ url: `/api/v1/users/${target.userId}/reset-links` }),
    inside: [401, 403, 403, 403, 201],
    outside: [401, 403, 403, 403, 404],
  },
};
