import { orgUnitsSeed } from '@border-academy/api-db';
import { hashPassword } from '@border-academy/api-identity';
import { createTestApp, createTestUser, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import { DataSource } from 'typeorm';

import { AUDIT_ROUTES } from './authorization-matrix/audit.rows';
import { createMatrixCourse } from './authorization-matrix/authoring.fixtures';
import { AUTHORING_ROUTES } from './authorization-matrix/authoring.rows';
import { AUTH_ROUTES } from './authorization-matrix/auth.rows';
import { BENCH_ROUTES } from './authorization-matrix/bench.rows';
import { EXCHANGE_ROUTES } from './authorization-matrix/exchange.rows';
import { IMPORT_ROUTES } from './authorization-matrix/imports.rows';
import { createMatrixLearning } from './authorization-matrix/learning.fixtures';
import { LEARNING_ROUTES } from './authorization-matrix/learning.rows';
import { createMatrixQualifications } from './authorization-matrix/qualifications.fixtures';
import { QUALIFICATION_ROUTES } from './authorization-matrix/qualifications.rows';
import {
  CALLERS,
  Caller,
  INSIDE_UNIT,
  OUTSIDE_UNIT,
  PASSWORD,
  RouteRows,
  Target,
} from './authorization-matrix/matrix.types';
import { ORG_ROUTES } from './authorization-matrix/org.rows';
import { PLATFORM_ROUTES } from './authorization-matrix/platform.rows';
import { POSITION_ROUTES } from './authorization-matrix/positions.rows';
import { PRIVACY_ROUTES } from './authorization-matrix/privacy.rows';
import { USER_ROUTES } from './authorization-matrix/users.rows';
import { API_FEATURES } from './features';

/**
 * Every route × every caller × a target inside and outside the caller's scope → the status it must
 * answer. Callers hold their role on Kazakhstan's border service; "outside" targets live in
 * Kyrgyzstan's. The rows live in one file per slice of the API under `authorization-matrix/`; a
 * route the app serves without a row fails the test, so each new route must state who may call it.
 */
const MATRIX: RouteRows = {
  ...PLATFORM_ROUTES,
  ...AUTH_ROUTES,
  ...ORG_ROUTES,
  ...POSITION_ROUTES,
  ...USER_ROUTES,
  ...AUDIT_ROUTES,
  ...IMPORT_ROUTES,
  ...AUTHORING_ROUTES,
  ...EXCHANGE_ROUTES,
  ...LEARNING_ROUTES,
  ...QUALIFICATION_ROUTES,
  ...PRIVACY_ROUTES,
  ...BENCH_ROUTES,
};

describe('authorization matrix', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let passwordHash: string;
  const targets = {} as Record<'inside' | 'outside', Target>;
  let callers = 0;

  beforeAll(async () => {
    // with the benchmark's routes, which exist only when asked for, so that they have their rows too
    testApp = await createTestApp(API_FEATURES, {
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
      BENCH_ROUTES: 'true',
    });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
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
      const course = await createMatrixCourse(dataSource, side, row?.org_unit_id ?? '');
      const erasable = await createTestUser(testApp.app, {
        login: `erasable.${side}`,
        orgUnitCode: unit,
        grants: [['learner', unit]],
      });
      targets[side] = {
        userId: user.id,
        orgUnitId: row?.org_unit_id ?? '',
        grantId: row?.grant_id ?? '',
        importId: await uploadImport(side, unit),
        course,
        learning: await createMatrixLearning(dataSource, side, user.id, course),
        qualifications: await createMatrixQualifications(
          dataSource,
          side,
          user.id,
          row?.org_unit_id ?? '',
          course,
          () => uploadEvidence(side, unit),
        ),
        erasable: { userId: erasable.id, login: erasable.login },
      };
    }
  });

  /** An admin of the unit uploads a file of one new user there. */
  async function uploadImport(side: string, unit: string): Promise<string> {
    const importer = await createTestUser(testApp.app, {
      login: `importer.${side}`,
      orgUnitCode: unit,
      grants: [['admin', unit]],
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/user-imports',
      headers: { authorization: importer.authorization, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(
        `login,email,full_name,full_name_cyrillic,language,org_unit,position,roles\r\n` +
          `imported.${side},imported.${side}@example.org,Imported Person,,en,${unit},,learner\r\n`,
      ),
    });
    return (response.json() as { id: string }).id;
  }

  /** An HR person of the unit uploads a one-page PDF as evidence. */
  async function uploadEvidence(side: string, unit: string): Promise<string> {
    const uploader = await createTestUser(testApp.app, {
      login: `evidence.${side}`,
      orgUnitCode: unit,
      grants: [['hr', unit]],
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/evidence?fileName=matrix.pdf',
      headers: { authorization: uploader.authorization, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    return (response.json() as { id: string }).id;
  }

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
    (['inside', 'outside'] as const).flatMap((side) => {
      if (side === 'outside' && !row.outside) return [];
      const statuses = (side === 'outside' ? row.outside : row.inside) ?? [];
      const reviewer = row.reviewer
        ? [{ caller: 'reviewer' as Caller, expected: row.reviewer[side === 'inside' ? 0 : 1] }]
        : [];
      return [
        ...CALLERS.map((caller, index) => ({ caller, expected: statuses[index] ?? 0 })),
        ...reviewer,
      ].map((cell) => ({ route, side, ...cell }));
    }),
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
        method: method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
        url,
        ...(payload ? { payload } : {}),
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode).toBe(expected);
    },
  );
});
