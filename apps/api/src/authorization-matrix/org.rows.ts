import { RouteRows } from './matrix.types';

export const ORG_ROUTES: RouteRows = {
  'GET /api/v1/org-units/{id}': {
    request: (target) => ({ url: `/api/v1/org-units/${target.orgUnitId}` }),
    // the tree is shared reference data, readable across countries
    inside: [401, 200, 200, 200, 200],
    outside: [401, 200, 200, 200, 200],
  },
  'POST /api/v1/org-units': {
    request: (target) => ({
      url: '/api/v1/org-units',
      payload: {
        parentId: target.orgUnitId,
        code: 'matrix-new-unit',
        kind: 'unit',
        name: { en: 'New unit' },
      },
    }),
    // a parent outside the scope is a bad field of the body, as for a role grant
    inside: [401, 403, 403, 403, 201],
    outside: [401, 403, 403, 403, 400],
  },
  'PATCH /api/v1/org-units/{id}': {
    request: (target) => ({
      url: `/api/v1/org-units/${target.orgUnitId}`,
      payload: { name: { en: 'Renamed unit', ru: 'Переименованное подразделение' } },
    }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/org-units/{id}/move': {
    // past the access check, a move under itself is refused as a bad new parent
    request: (target) => ({
      url: `/api/v1/org-units/${target.orgUnitId}/move`,
      payload: { parentId: target.orgUnitId },
    }),
    inside: [401, 403, 403, 403, 400],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/org-units/{id}/deactivate': {
    // past the access check, refused while the target user and the callers belong to the unit
    request: (target) => ({ url: `/api/v1/org-units/${target.orgUnitId}/deactivate` }),
    inside: [401, 403, 403, 403, 409],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/org-units/{id}/reactivate': {
    request: (target) => ({ url: `/api/v1/org-units/${target.orgUnitId}/reactivate` }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
};
