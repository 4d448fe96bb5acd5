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
};
