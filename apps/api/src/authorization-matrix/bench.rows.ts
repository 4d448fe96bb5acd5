import { RouteRows } from './matrix.types';

// The benchmark's pair (served with BENCH_ROUTES=true, as in this test): the guarded route is a
// compliance:read (hr, admin) read inside the caller's scope; the open one reads inside the scope it is
// handed, Kazakhstan here, for anyone. Statuses: anonymous, learner, trainer, hr, admin.
export const BENCH_ROUTES: RouteRows = {
  'GET /api/v1/bench/guarded/org-units/{id}': {
    request: (target) => ({ url: `/api/v1/bench/guarded/org-units/${target.orgUnitId}` }),
    inside: [401, 403, 403, 200, 200],
    outside: [401, 403, 403, 404, 404],
  },
  'GET /api/v1/bench/open/org-units/{id}': {
    request: (target) => ({ url: `/api/v1/bench/open/org-units/${target.orgUnitId}?scope=kz` }),
    inside: [200, 200, 200, 200, 200],
    outside: [404, 404, 404, 404, 404],
  },
};
