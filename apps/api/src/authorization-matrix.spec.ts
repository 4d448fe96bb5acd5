import { connectTestDataSource, orgUnitsSeed, runSeeds } from '@border-academy/api-db';
import { hashPassword } from '@border-academy/api-identity';
import { TestApp, createTestApp, createTestUser } from '@border-academy/api-platform';
import { Role } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { API_FEATURES } from './features';

/**
 * Every route × every caller × a target inside and outside the caller's scope → the status it must
 * answer. Callers hold their role on Kazakhstan's border service; "outside" targets live in
 * Kyrgyzstan's. A route the app serves without a row here fails the test, so each new route must
 * state who may call it.
 */
type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'learner', 'trainer', 'hr', 'admin'];
const INSIDE_UNIT = 'kz-border';
const OUTSIDE_UNIT = 'kg-border';
const PASSWORD = 'matrix passphrase for every caller';

interface Target {
  /** A user in the org unit of the target. */
  userId: string;
  orgUnitId: string;
  /** A learner grant of the user on that unit. */
  grantId: string;
}

interface RouteRow {
  request(target: Target): { url: string; payload?: object };
  /** Statuses for anonymous, learner, trainer, hr, admin. */
  inside: [number, number, number, number, number];
  /** Only for routes that act on a record of an org unit; the same as `inside` when absent. */
  outside?: [number, number, number, number, number];
}

const MATRIX: Record<string, RouteRow> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), inside: [200, 200, 200, 200, 200] },
  'POST /api/v1/auth/sign-in': {
    request: () => ({ url: '/api/v1/auth/sign-in', payload: { login: 'nobody.at.all', password: PASSWORD } }),
    inside: [401, 401, 401, 401, 401],
  },
  'POST /api/v1/auth/refresh': {
    request: () => ({ url: '/api/v1/auth/refresh' }),
    inside: [401, 401, 401, 401, 401],
  },
  'POST /api/v1/auth/sign-out': {
    request: () => ({ url: '/api/v1/auth/sign-out' }),
    inside: [204, 204, 204, 204, 204],
  },
  'POST /api/v1/auth/sign-out-everywhere': {
    request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }),
    inside: [401, 204, 204, 204, 204],
  },
  'POST /api/v1/auth/password': {
    request: () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'a different matrix passphrase' },
    }),
    inside: [401, 204, 204, 204, 204],
  },
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }), inside: [401, 200, 200, 200, 200] },
  'GET /api/v1/org-units': {
    request: () => ({ url: '/api/v1/org-units' }),
    inside: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/org-units/{id}': {
    request: (target) => ({ url: `/api/v1/org-units/${target.orgUnitId}` }),
    // the tree is shared reference data, readable across countries
    inside: [401, 200, 200, 200, 200],
    outside: [401, 200, 200, 200, 200],
  },
  'GET /api/v1/audit-events': {
    request: () => ({ url: '/api/v1/audit-events' }),
    inside: [401, 403, 403, 403, 200],
  },
  'GET /api/v1/users': { request: () => ({ url: '/api/v1/users' }), inside: [401, 403, 403, 200, 200] },
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
};

describe('authorization matrix', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let passwordHash: string;
  const targets: Record<'inside' | 'outside', Target> = {
    inside: { userId: '', orgUnitId: '', grantId: '' },
    outside: { userId: '', orgUnitId: '', grantId: '' },
  };
  let callers = 0;

  beforeAll(async () => {
    testApp = await createTestApp(API_FEATURES, { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
    const seeding = await connectTestDataSource(testApp.database);
    try {
      await runSeeds(seeding, [orgUnitsSeed]);
    } finally {
      await seeding.destroy();
    }
    dataSource = testApp.app.get(DataSource);
    passwordHash = await hashPassword(PASSWORD);
    for (const [side, unit] of [
      ['inside', INSIDE_UNIT],
      ['outside', OUTSIDE_UNIT],
    ] as const) {
      const user = await createTestUser(testApp.app, {
        login: `target.${side}`,
        orgUnitCode: unit,
        grants: [['learner', unit]],
      });
      const [row]: { org_unit_id: string; grant_id: string }[] = await dataSource.query(
        `SELECT org_unit_id, id AS grant_id FROM role_grant WHERE user_id = $1`,
        [user.id],
      );
      targets[side] = { userId: user.id, orgUnitId: row?.org_unit_id ?? '', grantId: row?.grant_id ?? '' };
    }
  });

  afterAll(async () => {
    await testApp?.close();
  });

  /** A new caller for every cell, so that a route that ends sessions cannot affect the next cell. */
  async function authorizationFor(caller: Caller): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    callers += 1;
    const user = await createTestUser(testApp.app, {
      login: `caller.${callers}`,
      orgUnitCode: INSIDE_UNIT,
      grants: [[caller, INSIDE_UNIT]],
      passwordHash,
    });
    return user.authorization;
  }

  it('has a row for every route the app serves, and no row for a route it does not', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs-json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cells = Object.entries(MATRIX).flatMap(([route, row]) =>
    (['inside', 'outside'] as const).flatMap((side) =>
      side === 'outside' && !row.outside
        ? []
        : CALLERS.map((caller, index) => ({
            route,
            side,
            caller,
            expected: (side === 'outside' ? row.outside : row.inside)?.[index] ?? 0,
          })),
    ),
  );

  it.each(cells)(
    '$route as $caller, target $side scope → $expected',
    async ({ route, side, caller, expected }) => {
      const row = MATRIX[route];
      if (!row) throw new Error(`no row for ${route}`);
      const [method] = route.split(' ');
      const { url, payload } = row.request(targets[side]);
      const authorization = await authorizationFor(caller);
      const response = await testApp.app.inject({
        method: method as 'GET' | 'POST' | 'PATCH' | 'DELETE',
        url,
        ...(payload ? { payload } : {}),
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(expected);
    },
  );
});
