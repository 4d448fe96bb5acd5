import { RouteRows } from './matrix.types';

// qualification:read = hr, trainer, admin; qualification:write = hr or admin of a whole country (every
// caller here holds a service, so all are refused); compliance:read = hr, admin over their scope;
// qualification:grant and assignment:write = hr over their scope. Statuses: anonymous, learner, trainer, hr, admin.
const READERS = [401, 403, 200, 200, 200] as const;
const COUNTRY_ONLY = [401, 403, 403, 403, 403] as const;
const COMPLIANCE = { inside: [401, 403, 403, 200, 200], outside: [401, 403, 403, 400, 400] } as const;

type Row = RouteRows[string];

/** A compliance read narrowed to the target's unit: inside the scope it answers, outside it is refused. */
function compliance(path: string, extra = ''): Row {
  return {
    request: (target) => ({ url: `/api/v1/compliance/${path}?unitId=${target.orgUnitId}${extra}` }),
    inside: [...COMPLIANCE.inside],
    outside: [...COMPLIANCE.outside],
  };
}

export const QUALIFICATION_ROUTES: RouteRows = {
  'GET /api/v1/qualifications': {
    request: () => ({ url: '/api/v1/qualifications?q=matrix' }),
    inside: [...READERS],
  },
  'POST /api/v1/qualifications': {
    request: () => ({
      url: '/api/v1/qualifications',
      payload: {
        code: 'matrix-new',
        name: { en: 'New' },
        area: 'IBM',
        level: 2,
        rule: 'assessment',
        courseIds: [],
      },
    }),
    inside: [...COUNTRY_ONLY],
  },
  'GET /api/v1/qualifications/{id}': {
    request: (target) => ({ url: `/api/v1/qualifications/${target.qualifications.heldId}` }),
    inside: [...READERS],
  },
  'PATCH /api/v1/qualifications/{id}': {
    request: (target) => ({
      url: `/api/v1/qualifications/${target.qualifications.heldId}`,
      payload: { level: 4 },
    }),
    inside: [...COUNTRY_ONLY],
  },
  'GET /api/v1/positions/{id}/qualifications': {
    request: (target) => ({ url: `/api/v1/positions/${target.qualifications.positionId}/qualifications` }),
    inside: [...READERS],
  },
  'PUT /api/v1/positions/{id}/qualifications': {
    request: (target) => ({
      url: `/api/v1/positions/${target.qualifications.positionId}/qualifications`,
      payload: { qualificationIds: [target.qualifications.heldId] },
    }),
    inside: [...COUNTRY_ONLY],
  },
  'GET /api/v1/compliance/matrix': compliance('matrix'),
  'GET /api/v1/compliance/summary': compliance('summary'),
  'GET /api/v1/compliance/trend': compliance('trend'),
  'GET /api/v1/compliance/expiring': compliance('expiring', '&withinDays=60'),
  'GET /api/v1/compliance/overdue': compliance('overdue'),
  'GET /api/v1/compliance/export': compliance('export', '&format=csv'),
  'GET /api/v1/compliance/training-records/export': compliance('training-records/export'),
  'GET /api/v1/staff/{userId}': {
    request: (target) => ({ url: `/api/v1/staff/${target.userId}` }),
    inside: [401, 403, 403, 200, 200],
    outside: [401, 403, 403, 404, 404],
  },
  'POST /api/v1/staff/{userId}/qualifications/{qualificationId}/grants': {
    // the target holds it without expiry: HR of the unit is told it is still valid, every time
    request: (target) => ({
      url: `/api/v1/staff/${target.userId}/qualifications/${target.qualifications.heldId}/grants`,
      payload: { source: 'manual', note: 'Matrix grant' },
    }),
    inside: [401, 403, 403, 409, 403],
    outside: [401, 403, 403, 404, 403],
  },
  'POST /api/v1/staff/{userId}/qualifications/{qualificationId}/revocation': {
    // the target lacks it: HR of the unit is told there is nothing to revoke, every time
    request: (target) => ({
      url: `/api/v1/staff/${target.userId}/qualifications/${target.qualifications.lackedId}/revocation`,
      payload: { reason: 'Matrix revocation' },
    }),
    inside: [401, 403, 403, 409, 403],
    outside: [401, 403, 403, 404, 403],
  },
  'POST /api/v1/evidence': {
    // a JSON body is not a file: HR passes the access check and is told what to send
    request: () => ({ url: '/api/v1/evidence', payload: { file: 'not a file' } }),
    inside: [401, 403, 403, 415, 403],
  },
  'GET /api/v1/evidence/{id}': {
    request: (target) => ({ url: `/api/v1/evidence/${target.qualifications.evidenceId}` }),
    inside: [401, 403, 403, 200, 200],
    outside: [401, 403, 403, 404, 404],
  },
  'GET /api/v1/assignments': {
    request: (target) => ({ url: `/api/v1/assignments?unitId=${target.orgUnitId}` }),
    inside: [401, 403, 403, 200, 403],
    outside: [401, 403, 403, 400, 403],
  },
  'POST /api/v1/assignments': {
    request: (target) => ({
      url: '/api/v1/assignments',
      payload: {
        courseId: target.course.id,
        target: 'person',
        userIds: [target.userId],
        dueAt: '2030-01-31',
      },
    }),
    inside: [401, 403, 403, 201, 403],
    outside: [401, 403, 403, 400, 403],
  },
  'DELETE /api/v1/assignments/{id}': {
    // HR of the unit is the one caller who may end it, and does so once per side
    request: (target) => ({ url: `/api/v1/assignments/${target.qualifications.assignmentId}` }),
    inside: [401, 403, 403, 204, 403],
    outside: [401, 403, 403, 404, 403],
  },
  'GET /api/v1/me/notifications': {
    request: () => ({ url: '/api/v1/me/notifications' }),
    inside: [401, 200, 200, 200, 200],
    reviewer: [200, 200],
  },
  'POST /api/v1/me/notifications/read-all': {
    request: () => ({ url: '/api/v1/me/notifications/read-all' }),
    inside: [401, 204, 204, 204, 204],
    reviewer: [204, 204],
  },
  'POST /api/v1/me/notifications/{id}/read': {
    // another person's notification is nobody else's to read
    request: (target) => ({ url: `/api/v1/me/notifications/${target.qualifications.notificationId}/read` }),
    inside: [401, 404, 404, 404, 404],
    reviewer: [404, 404],
  },
};
