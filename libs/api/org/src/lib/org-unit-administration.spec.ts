import { orgUnitsSeed } from '@border-academy/api-db';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import {
  ORG_UNIT_HAS_ACTIVE_USERS,
  OrgUnit,
  OrgUnitHasActiveUsersProblem,
  PROBLEM_CONTENT_TYPE,
  Page,
  ProblemDetails,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { OrgModule } from './org.module';

describe('administering the org tree', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  /** Admin of Kazakhstan's border service. */
  let kzAdmin: TestUser;
  /** Admin of Kyrgyzstan's border service. */
  let kgAdmin: TestUser;
  /** Admin of two countries, like the platform admin. */
  let twoCountries: TestUser;
  let learner: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp([OrgModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    const units: { id: string; code: string }[] = await dataSource.query(`SELECT id, code FROM org_unit`);
    for (const unit of units) ids[unit.code] = unit.id;
    kzAdmin = await createTestUser(testApp.app, {
      login: 'kz.admin',
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz-border']],
    });
    kgAdmin = await createTestUser(testApp.app, {
      login: 'kg.admin',
      orgUnitCode: 'kg-border',
      grants: [['admin', 'kg-border']],
    });
    twoCountries = await createTestUser(testApp.app, {
      login: 'two.countries',
      orgUnitCode: 'kz',
      grants: [
        ['admin', 'kz'],
        ['admin', 'kg'],
        ['admin', 'kz-customs'],
      ],
    });
    learner = await createTestUser(testApp.app, {
      login: 'kz.learner',
      orgUnitCode: 'kz-border-khorgos',
      grants: [
        ['learner', 'kz-border'],
        ['admin', 'kz-border-khorgos'],
      ],
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function call(as: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return injectAs(testApp.app, as, method, url, payload);
  }

  async function create(as: TestUser, parentCode: string, code: string, name = code): Promise<OrgUnit> {
    const response = await call(as, 'POST', '/api/v1/org-units', {
      parentId: ids[parentCode],
      code,
      kind: 'unit',
      name: { en: name },
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json() as OrgUnit;
    ids[code] = unit.id;
    return unit;
  }

  function action(as: TestUser, code: string, verb: 'move' | 'deactivate' | 'reactivate', payload?: object) {
    return call(as, 'POST', `/api/v1/org-units/${ids[code]}/${verb}`, payload);
  }

  async function list(as: TestUser, query: string): Promise<Page<OrgUnit>> {
    const response = await call(as, 'GET', `/api/v1/org-units${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page<OrgUnit>;
  }

  async function auditOf(
    code: string,
  ): Promise<{ action: string; actor_user_id: string; summary: unknown }[]> {
    return dataSource.query(
      `SELECT action, actor_user_id, summary FROM audit_event
        WHERE target_type = 'org-unit' AND target_id = $1 ORDER BY id`,
      [ids[code]],
    );
  }

  function fieldErrors(response: { json(): unknown }): { field: string; code: string }[] {
    return ((response.json() as ProblemDetails).errors ?? []).map(({ field, code }) => ({ field, code }));
  }

  it('adds an active unit under a unit in the admin’s scope, and audits it', async () => {
    const response = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: ids['kz-border-almaty'],
      code: 'kz-border-altynkol',
      kind: 'border_post',
      name: { en: '  Altynkol ', ru: 'Алтынколь' },
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json() as OrgUnit;
    ids['kz-border-altynkol'] = unit.id;
    expect(unit).toEqual({
      id: expect.any(String),
      code: 'kz-border-altynkol',
      kind: 'border_post',
      name: { en: 'Altynkol', ru: 'Алтынколь' },
      status: 'active',
      parentId: ids['kz-border-almaty'],
      path: 'kz.kz-border.kz-border-almaty.kz-border-altynkol',
      depth: 3,
      childCount: 0,
    });
    expect(await auditOf('kz-border-altynkol')).toEqual([
      {
        action: 'org-unit.create',
        actor_user_id: kzAdmin.id,
        summary: {
          after: {
            code: 'kz-border-altynkol',
            kind: 'border_post',
            name: { en: 'Altynkol', ru: 'Алтынколь' },
            parentId: ids['kz-border-almaty'],
          },
        },
      },
    ]);
  });

  it('refuses a parent outside the scope or unknown with a 400 on parentId, and a taken code with a 409', async () => {
    const outside = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: ids['kg-border'],
      code: 'kz-border-lost',
      kind: 'unit',
      name: { en: 'Lost' },
    });
    expect(outside.statusCode).toBe(400);
    expect(fieldErrors(outside)).toEqual([{ field: 'parentId', code: 'scope' }]);
    const unknown = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: '00000000-0000-4000-8000-000000000000',
      code: 'kz-border-lost',
      kind: 'unit',
      name: { en: 'Lost' },
    });
    expect(fieldErrors(unknown)).toEqual([{ field: 'parentId', code: 'scope' }]);

    const taken = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: ids['kz-border'],
      code: 'kg-border-osh',
      kind: 'region',
      name: { en: 'Osh again' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(taken.json()).toMatchObject({ type: 'urn:border-academy:problem:org-unit-code-taken' });
  });

  it.each([
    [{ code: 'Upper-Case' }, 'code'],
    [{ code: 'two..dots' }, 'code'],
    [{ code: 'under_score' }, 'code'],
    [{ code: 'x'.repeat(65) }, 'code'],
    [{ kind: 'country' }, 'kind'],
    [{ kind: 'planet' }, 'kind'],
    [{ name: { en: '   ' } }, 'name.en'],
    [{ name: { ru: 'Только по-русски' } }, 'name.en'],
    [{ name: { en: 'Post', de: 'Posten' } }, 'name.de'],
    [{ name: 'Post' }, 'name'],
    [{ parentId: 'kz-border' }, 'parentId'],
    [{ path: 'kz.elsewhere' }, 'path'],
  ])('refuses a new unit with %j with a 400 field error on %s', async (change, field) => {
    const response = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: ids['kz-border'],
      code: 'kz-border-valid',
      kind: 'unit',
      name: { en: 'Valid' },
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response).map((error) => error.field)).toContain(field);
  });

  it('renames a unit in English and Russian, audited before and after; 404 outside the scope', async () => {
    await create(kzAdmin, 'kz-border', 'kz-border-training', 'Training Centre');
    const renamed = await call(kzAdmin, 'PATCH', `/api/v1/org-units/${ids['kz-border-training']}`, {
      name: { en: 'Training Centre', ru: 'Учебный центр' },
      kind: 'directorate',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: { en: 'Training Centre', ru: 'Учебный центр' },
      kind: 'directorate',
    });
    expect((await auditOf('kz-border-training')).at(-1)).toEqual({
      action: 'org-unit.update',
      actor_user_id: kzAdmin.id,
      summary: {
        before: { name: { en: 'Training Centre' }, kind: 'unit' },
        after: { name: { en: 'Training Centre', ru: 'Учебный центр' }, kind: 'directorate' },
      },
    });

    const again = await call(kzAdmin, 'PATCH', `/api/v1/org-units/${ids['kz-border-training']}`, {
      name: { en: 'Training Centre', ru: 'Учебный центр' },
    });
    expect(again.statusCode).toBe(200);
    expect(await auditOf('kz-border-training')).toHaveLength(2);

    const hidden = await call(kgAdmin, 'PATCH', `/api/v1/org-units/${ids['kz-border-training']}`, {
      name: { en: 'Taken over' },
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ type: 'urn:border-academy:problem:org-unit-not-found' });
  });

  it('keeps countries at the top: only a top-level unit is a country, and it stays one', async () => {
    const toCountry = await call(kzAdmin, 'PATCH', `/api/v1/org-units/${ids['kz-border-training']}`, {
      kind: 'country',
    });
    expect(fieldErrors(toCountry)).toEqual([{ field: 'kind', code: 'top-level' }]);
    const fromCountry = await call(twoCountries, 'PATCH', `/api/v1/org-units/${ids['kz']}`, {
      kind: 'agency',
    });
    expect(fieldErrors(fromCountry)).toEqual([{ field: 'kind', code: 'top-level' }]);
    const moveCountry = await action(twoCountries, 'kz', 'move', { parentId: ids['kg-border'] });
    expect(fieldErrors(moveCountry)).toEqual([{ field: 'parentId', code: 'top-level' }]);
  });

  it('moves a unit with its whole subtree, rewriting every path and depth, audited', async () => {
    await create(kzAdmin, 'kz-border', 'kz-border-mobile');
    await create(kzAdmin, 'kz-border-mobile', 'kz-border-mobile-1');
    await create(kzAdmin, 'kz-border-mobile-1', 'kz-border-mobile-1a');
    const moved = await action(kzAdmin, 'kz-border-mobile', 'move', { parentId: ids['kz-border-turkistan'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: ids['kz-border-turkistan'],
      path: 'kz.kz-border.kz-border-turkistan.kz-border-mobile',
      depth: 3,
      childCount: 1,
    });
    const subtree: { code: string; path: string; depth: number; parent_id: string }[] =
      await dataSource.query(
        `SELECT code, path, depth, parent_id FROM org_unit WHERE code LIKE 'kz-border-mobile%' ORDER BY path`,
      );
    expect(subtree).toEqual([
      {
        code: 'kz-border-mobile',
        path: 'kz.kz-border.kz-border-turkistan.kz-border-mobile',
        depth: 3,
        parent_id: ids['kz-border-turkistan'],
      },
      {
        code: 'kz-border-mobile-1',
        path: 'kz.kz-border.kz-border-turkistan.kz-border-mobile.kz-border-mobile-1',
        depth: 4,
        parent_id: ids['kz-border-mobile'],
      },
      {
        code: 'kz-border-mobile-1a',
        path: 'kz.kz-border.kz-border-turkistan.kz-border-mobile.kz-border-mobile-1.kz-border-mobile-1a',
        depth: 5,
        parent_id: ids['kz-border-mobile-1'],
      },
    ]);
    expect((await auditOf('kz-border-mobile')).at(-1)).toEqual({
      action: 'org-unit.move',
      actor_user_id: kzAdmin.id,
      summary: {
        before: { parentId: ids['kz-border'], path: 'kz.kz-border.kz-border-mobile' },
        after: {
          parentId: ids['kz-border-turkistan'],
          path: 'kz.kz-border.kz-border-turkistan.kz-border-mobile',
        },
        units: 3,
      },
    });
  });

  it('refuses to move a unit under itself or below itself', async () => {
    const underItself = await action(kzAdmin, 'kz-border-mobile', 'move', {
      parentId: ids['kz-border-mobile'],
    });
    expect(underItself.statusCode).toBe(400);
    expect(fieldErrors(underItself)).toEqual([{ field: 'parentId', code: 'cycle' }]);
    const belowItself = await action(kzAdmin, 'kz-border-mobile', 'move', {
      parentId: ids['kz-border-mobile-1a'],
    });
    expect(fieldErrors(belowItself)).toEqual([{ field: 'parentId', code: 'cycle' }]);
    // the admin's own scope root can only go below itself inside the scope
    const scopeRoot = await action(kzAdmin, 'kz-border', 'move', { parentId: ids['kz-border-almaty'] });
    expect(fieldErrors(scopeRoot)).toEqual([{ field: 'parentId', code: 'cycle' }]);
  });

  it('moves only inside the scope: 404 for a unit outside it, 400 for a new parent outside it', async () => {
    const foreignUnit = await action(kgAdmin, 'kz-border-mobile', 'move', { parentId: ids['kg-border'] });
    expect(foreignUnit.statusCode).toBe(404);
    const foreignParent = await action(kzAdmin, 'kz-border-mobile', 'move', {
      parentId: ids['kg-border-osh'],
    });
    expect(fieldErrors(foreignParent)).toEqual([{ field: 'parentId', code: 'scope' }]);
    const scopeRootOut = await action(kzAdmin, 'kz-border', 'move', { parentId: ids['kz-customs'] });
    expect(fieldErrors(scopeRootOut)).toEqual([{ field: 'parentId', code: 'scope' }]);
    expect((await action(kzAdmin, 'kz-border-mobile', 'move', { parentId: 'nope' })).statusCode).toBe(400);
  });

  it('moves an admin’s own scope root to a new parent that is also in their scope', async () => {
    const moved = await action(twoCountries, 'kz-customs', 'move', { parentId: ids['kg'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ path: 'kg.kz-customs', depth: 1 });
    const [almaty]: { path: string }[] = await dataSource.query(
      `SELECT path FROM org_unit WHERE code = 'kz-customs-almaty'`,
    );
    expect(almaty?.path).toBe('kg.kz-customs.kz-customs-almaty');
    expect((await action(twoCountries, 'kz-customs', 'move', { parentId: ids['kz'] })).statusCode).toBe(200);
  });

  it('refuses to deactivate a unit while active people belong to it or below it, and says how many', async () => {
    const response = await action(kzAdmin, 'kz-border', 'deactivate');
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const problem = response.json() as OrgUnitHasActiveUsersProblem;
    // the admin in kz-border itself and the learner at Khorgos, below it
    expect(problem).toMatchObject({ type: ORG_UNIT_HAS_ACTIVE_USERS, status: 409, activeUserCount: 2 });
    expect(problem.detail).toContain('move them to another unit first');
    const statuses: { status: string }[] = await dataSource.query(
      `SELECT DISTINCT status FROM org_unit WHERE path LIKE 'kz.kz-border%'`,
    );
    expect(statuses).toEqual([{ status: 'active' }]);
  });

  it('lets suspended people stay in a unit that is deactivated', async () => {
    await create(kzAdmin, 'kz-border-almaty', 'kz-border-archive');
    await createTestUser(testApp.app, {
      login: 'retired.officer',
      orgUnitCode: 'kz-border-archive',
      status: 'suspended',
    });
    expect((await action(kzAdmin, 'kz-border-archive', 'deactivate')).statusCode).toBe(200);
  });

  it('deactivates an empty subtree, hides it from lists, and shows it to admins who ask', async () => {
    const response = await action(kzAdmin, 'kz-border-mobile', 'deactivate');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'inactive', childCount: 0 });
    const statuses: { code: string; status: string }[] = await dataSource.query(
      `SELECT code, status FROM org_unit WHERE code LIKE 'kz-border-mobile%' ORDER BY code`,
    );
    expect(statuses.map((row) => row.status)).toEqual(['inactive', 'inactive', 'inactive']);
    expect((await auditOf('kz-border-mobile')).at(-1)).toMatchObject({
      action: 'org-unit.deactivate',
      summary: { before: { status: 'active' }, after: { status: 'inactive' }, units: 3 },
    });

    const turkistan = `?parentId=${ids['kz-border-turkistan']}`;
    const codes = (page: Page<OrgUnit>) => page.items.map((unit) => unit.code);
    expect(codes(await list(kzAdmin, turkistan))).not.toContain('kz-border-mobile');
    const withInactive = await list(kzAdmin, `${turkistan}&includeInactive=true`);
    expect(withInactive.items.find((unit) => unit.code === 'kz-border-mobile')).toMatchObject({
      status: 'inactive',
      childCount: 1,
    });
    // inactive units are shown only inside the caller's admin scope
    expect(codes(await list(kgAdmin, `${turkistan}&includeInactive=true`))).not.toContain('kz-border-mobile');
    expect(codes(await list(kzAdmin, '?q=kz-border-mobile'))).toEqual([]);
    // a unit is still found by its id, inactive or not
    expect((await call(kgAdmin, 'GET', `/api/v1/org-units/${ids['kz-border-mobile']}`)).json()).toMatchObject(
      {
        status: 'inactive',
      },
    );
  });

  it('adds and moves nothing under an inactive unit', async () => {
    const added = await call(kzAdmin, 'POST', '/api/v1/org-units', {
      parentId: ids['kz-border-mobile'],
      code: 'kz-border-mobile-2',
      kind: 'unit',
      name: { en: 'Second mobile group' },
    });
    expect(fieldErrors(added)).toEqual([{ field: 'parentId', code: 'inactive' }]);
    const moved = await action(kzAdmin, 'kz-border-training', 'move', { parentId: ids['kz-border-mobile'] });
    expect(fieldErrors(moved)).toEqual([{ field: 'parentId', code: 'inactive' }]);
  });

  it('reactivates a unit with its subtree, once the unit above it is active', async () => {
    const child = await action(kzAdmin, 'kz-border-mobile-1', 'reactivate');
    expect(child.statusCode).toBe(409);
    expect(child.json()).toMatchObject({ type: 'urn:border-academy:problem:org-unit-parent-inactive' });

    const parent = await action(kzAdmin, 'kz-border-mobile', 'reactivate');
    expect(parent.statusCode).toBe(200);
    expect(parent.json()).toMatchObject({ status: 'active', childCount: 1 });
    const statuses: { status: string }[] = await dataSource.query(
      `SELECT DISTINCT status FROM org_unit WHERE code LIKE 'kz-border-mobile%'`,
    );
    expect(statuses).toEqual([{ status: 'active' }]);
    expect((await auditOf('kz-border-mobile')).map((entry) => entry.action).slice(-2)).toEqual([
      'org-unit.deactivate',
      'org-unit.reactivate',
    ]);
    expect((await action(kgAdmin, 'kz-border-mobile', 'deactivate')).statusCode).toBe(404);
    expect((await action(kgAdmin, 'kz-border-mobile', 'reactivate')).statusCode).toBe(404);
  });

  it('lists only the units an admin administers, or the tops of that scope', async () => {
    const codes = async (as: TestUser, query: string) =>
      (await list(as, query)).items.map((unit) => unit.code);
    expect(await codes(kzAdmin, '?administeredRoots=true')).toEqual(['kz-border']);
    // kz-customs lies inside kz, so it is no top of its own
    expect(await codes(twoCountries, '?administeredRoots=true')).toEqual(['kg', 'kz']);
    expect(await codes(learner, '?administeredRoots=true')).toEqual(['kz-border-khorgos']);
    const border = await codes(kzAdmin, '?administered=true&q=border&pageSize=100');
    expect(border.length).toBeGreaterThan(5);
    expect(border.every((code) => code.startsWith('kz-border'))).toBe(true);
    const total = (await list(kzAdmin, '?administered=true&pageSize=1')).total;
    expect(await list(kzAdmin, `?administered=true&page=${total + 1}&pageSize=1`)).toEqual({
      items: [],
      total,
      page: total + 1,
      pageSize: 1,
    });
  });

  it.each([['?includeInactive=maybe'], ['?administered=yes'], ['?administeredRoots=1']])(
    'refuses %s with a 400',
    async (query) => {
      expect((await call(kzAdmin, 'GET', `/api/v1/org-units${query}`)).statusCode).toBe(400);
    },
  );

  it('refuses every change to a person without an admin grant (403) or without a session (401)', async () => {
    const plainLearner = await createTestUser(testApp.app, {
      login: 'plain.learner',
      orgUnitCode: 'kz-border',
      grants: [['learner', 'kz-border']],
    });
    const attempt = await call(plainLearner, 'PATCH', `/api/v1/org-units/${ids['kz-border-training']}`, {
      name: { en: 'Mine now' },
    });
    expect(attempt.statusCode).toBe(403);
    const anonymous = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/org-units/${ids['kz-border-training']}/deactivate`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
