import { RouteRows } from './matrix.types';

const UNKNOWN_POSITION = '00000000-0000-4000-8000-000000000000';

export const POSITION_ROUTES: RouteRows = {
  'GET /api/v1/positions': {
    request: () => ({ url: '/api/v1/positions' }),
    // the catalogue is shared reference data: filters and forms of every role need it
    inside: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/positions/{id}': {
    request: () => ({ url: `/api/v1/positions/${UNKNOWN_POSITION}` }),
    inside: [401, 404, 404, 404, 404],
  },
  // the catalogue is one for every country: only an admin of a whole country changes it, and the
  // callers here administer an agency (position-administration.spec.ts shows a country's admin allowed)
  'POST /api/v1/positions': {
    request: () => ({
      url: '/api/v1/positions',
      payload: { code: 'matrix-position', name: { en: 'Matrix' } },
    }),
    inside: [401, 403, 403, 403, 403],
  },
  'PATCH /api/v1/positions/{id}': {
    request: () => ({ url: `/api/v1/positions/${UNKNOWN_POSITION}`, payload: { name: { en: 'Renamed' } } }),
    inside: [401, 403, 403, 403, 403],
  },
  'DELETE /api/v1/positions/{id}': {
    request: () => ({ url: `/api/v1/positions/${UNKNOWN_POSITION}` }),
    inside: [401, 403, 403, 403, 403],
  },
};
