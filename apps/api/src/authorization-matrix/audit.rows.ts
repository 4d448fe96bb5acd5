import { RouteRows } from './matrix.types';

export const AUDIT_ROUTES: RouteRows = {
  'GET /api/v1/audit-events': {
    request: () => ({ url: '/api/v1/audit-events' }),
    inside: [401, 403, 403, 403, 200],
  },
};
