import { RouteRows } from './matrix.types';

export const ORG_ROUTES: RouteRows = {
  'GET /api/v1/org-units/{id}': {
    request: (target) => ({ url: `/api/v1/org-units/${target.orgUnitId}` }),
    // the tree is shared reference data, readable across countries
    inside: [401, 200, 200, 200, 200],
    outside: [401, 200, 200, 200, 200],
  },
};
