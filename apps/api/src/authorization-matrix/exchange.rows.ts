import { RouteRows } from './matrix.types';

// course packages: export needs course:read (trainer, reviewer, admin) on the course's unit, import
// course:write (trainer, admin) on the unit that will own the new course
export const EXCHANGE_ROUTES: RouteRows = {
  // the fixture's version 1 is published, so every reader in scope gets its package
  'GET /api/v1/course-versions/{id}/export': {
    request: (target) => ({ url: `/api/v1/course-versions/${target.course.publishedVersionId}/export` }),
    inside: [401, 403, 200, 403, 200],
    outside: [401, 403, 404, 403, 404],
    reviewer: [200, 404],
  },
  // the package is the raw body: a JSON body passes the access and scope checks and is then refused as
  // the wrong type; an owning unit outside the scope is a bad parameter, as when creating a course
  'POST /api/v1/course-imports': {
    request: (target) => ({
      url: `/api/v1/course-imports?ownerOrgUnitId=${target.orgUnitId}`,
      payload: { manifest: 'not-a-package' },
    }),
    inside: [401, 403, 415, 403, 415],
    outside: [401, 403, 400, 403, 400],
    reviewer: [403, 403],
  },
};
