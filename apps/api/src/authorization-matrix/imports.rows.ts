import { RouteRows } from './matrix.types';

export const IMPORT_ROUTES: RouteRows = {
  'GET /api/v1/user-imports/template': {
    request: () => ({ url: '/api/v1/user-imports/template?format=csv' }),
    inside: [401, 403, 403, 403, 200],
  },
  // the file is the raw body; a JSON body passes the access check and is then refused as the wrong type
  'POST /api/v1/user-imports': {
    request: () => ({ url: '/api/v1/user-imports', payload: { login: 'not-a-file' } }),
    inside: [401, 403, 403, 403, 415],
  },
  'GET /api/v1/user-imports/{id}': {
    request: (target) => ({ url: `/api/v1/user-imports/${target.importId}` }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  'GET /api/v1/user-imports/{id}/rows': {
    request: (target) => ({ url: `/api/v1/user-imports/${target.importId}/rows` }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
  'POST /api/v1/user-imports/{id}/commit': {
    request: (target) => ({ url: `/api/v1/user-imports/${target.importId}/commit` }),
    inside: [401, 403, 403, 403, 200],
    outside: [401, 403, 403, 403, 404],
  },
};
