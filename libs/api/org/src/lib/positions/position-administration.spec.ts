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
  POSITION_HELD,
  PROBLEM_CONTENT_TYPE,
  Position,
  PositionHeldProblem,
  ProblemDetails,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { OrgModule } from '../org.module';

describe('administering the catalogue of positions', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  /** Admin of the whole of Kazakhstan: may change the shared catalogue. */
  let countryAdmin: TestUser;
  /** Admin of Kazakhstan's border service only: reads the catalogue like everyone else. */
  let agencyAdmin: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp([OrgModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    countryAdmin = await createTestUser(testApp.app, {
      login: 'kz.country.admin',
      orgUnitCode: 'kz',
      grants: [['admin', 'kz']],
    });
    agencyAdmin = await createTestUser(testApp.app, {
      login: 'kz.admin',
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz-border']],
    });
    learner = await createTestUser(testApp.app, {
      login: 'kz.learner',
      orgUnitCode: 'kz-border',
      grants: [['learner', 'kz']],
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function call(as: TestUser, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
    return injectAs(testApp.app, as, method, url, payload);
  }

  async function create(code: string, name: object): Promise<Position> {
    const response = await call(countryAdmin, 'POST', '/api/v1/positions', { code, name });
    expect(response.statusCode).toBe(201);
    return response.json() as Position;
  }

  function auditOf(
    id: string | undefined,
  ): Promise<{ action: string; actor_user_id: string; summary: unknown }[]> {
    return dataSource.query(
      `SELECT action, actor_user_id, summary FROM audit_event
        WHERE target_type = 'position' AND target_id = $1 ORDER BY id`,
      [id],
    );
  }

  it('lets an admin of a whole country add a position, audited', async () => {
    const response = await call(countryAdmin, 'POST', '/api/v1/positions', {
      code: 'risk-analyst',
      name: { en: ' Risk analyst ', ru: 'Аналитик рисков' },
      description: { en: 'Profiles risky consignments', ru: '' },
    });
    expect(response.statusCode).toBe(201);
    const position = response.json() as Position;
    expect(position).toEqual({
      id: expect.any(String),
      code: 'risk-analyst',
      name: { en: 'Risk analyst', ru: 'Аналитик рисков' },
      description: { en: 'Profiles risky consignments' },
      holderCount: 0,
    });
    expect(await auditOf(position.id)).toEqual([
      {
        action: 'position.create',
        actor_user_id: countryAdmin.id,
        summary: {
          after: {
            code: 'risk-analyst',
            name: { en: 'Risk analyst', ru: 'Аналитик рисков' },
            description: { en: 'Profiles risky consignments' },
          },
        },
      },
    ]);
  });

  it('refuses changes to the catalogue from an agency’s admin and from other roles with a 403', async () => {
    const payload = { code: 'dog-handler', name: { en: 'Dog handler' } };
    expect((await call(agencyAdmin, 'POST', '/api/v1/positions', payload)).statusCode).toBe(403);
    expect((await call(learner, 'POST', '/api/v1/positions', payload)).statusCode).toBe(403);
    const [position] = (await dataSource.query(`SELECT id FROM position WHERE code = 'risk-analyst'`)) as {
      id: string;
    }[];
    const rename = await call(agencyAdmin, 'PATCH', `/api/v1/positions/${position?.id}`, {
      name: { en: 'Renamed' },
    });
    expect(rename.statusCode).toBe(403);
    expect((await call(agencyAdmin, 'DELETE', `/api/v1/positions/${position?.id}`)).statusCode).toBe(403);
  });

  it('refuses a code another position has with a 409, on adding and on changing', async () => {
    await create('dog-handler', { en: 'Dog handler' });
    const added = await call(countryAdmin, 'POST', '/api/v1/positions', {
      code: 'risk-analyst',
      name: { en: 'Second analyst' },
    });
    expect(added.statusCode).toBe(409);
    expect(added.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(added.json()).toMatchObject({ type: 'urn:border-academy:problem:position-code-taken' });
    const [handler] = (await dataSource.query(`SELECT id FROM position WHERE code = 'dog-handler'`)) as {
      id: string;
    }[];
    const changed = await call(countryAdmin, 'PATCH', `/api/v1/positions/${handler?.id}`, {
      code: 'risk-analyst',
    });
    expect(changed.statusCode).toBe(409);
  });

  it.each([
    [{ code: 'Risk Analyst' }, 'code'],
    [{ code: 'a'.repeat(65) }, 'code'],
    [{ code: undefined }, 'code'],
    [{ name: { en: '' } }, 'name.en'],
    [{ name: { en: 'x'.repeat(201) } }, 'name.en'],
    [{ name: { en: 'Guard', kk: 'Күзетші' } }, 'name.kk'],
    [{ description: 'plain text' }, 'description'],
    [{ holderCount: 3 }, 'holderCount'],
  ])('refuses a new position with %j with a 400 field error on %s', async (change, field) => {
    const response = await call(countryAdmin, 'POST', '/api/v1/positions', {
      code: 'valid-code',
      name: { en: 'Valid' },
      ...change,
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as ProblemDetails;
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('changes the code, names and description, audited before and after; a null description removes it', async () => {
    const position = await create('checkpoint-officer', { en: 'Checkpoint officer' });
    const response = await call(countryAdmin, 'PATCH', `/api/v1/positions/${position.id}`, {
      code: 'crossing-point-officer',
      name: { en: 'Crossing point officer', ru: 'Сотрудник пункта пропуска' },
      description: { en: 'Works at a border crossing point' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: 'crossing-point-officer',
      name: { en: 'Crossing point officer', ru: 'Сотрудник пункта пропуска' },
      description: { en: 'Works at a border crossing point' },
    });
    const removed = await call(countryAdmin, 'PATCH', `/api/v1/positions/${position.id}`, {
      description: null,
    });
    expect(removed.json()).toMatchObject({ code: 'crossing-point-officer', description: null });
    expect((await auditOf(position.id)).slice(1)).toEqual([
      {
        action: 'position.update',
        actor_user_id: countryAdmin.id,
        summary: {
          before: { code: 'checkpoint-officer', name: { en: 'Checkpoint officer' }, description: null },
          after: {
            code: 'crossing-point-officer',
            name: { en: 'Crossing point officer', ru: 'Сотрудник пункта пропуска' },
            description: { en: 'Works at a border crossing point' },
          },
        },
      },
      {
        action: 'position.update',
        actor_user_id: countryAdmin.id,
        summary: {
          before: { description: { en: 'Works at a border crossing point' } },
          after: { description: null },
        },
      },
    ]);
    const unchanged = await call(countryAdmin, 'PATCH', `/api/v1/positions/${position.id}`, {
      code: 'crossing-point-officer',
    });
    expect(unchanged.statusCode).toBe(200);
    expect(await auditOf(position.id)).toHaveLength(3);
  });

  it('refuses to delete a position people hold, saying how many; deletes a free one, audited', async () => {
    const held = await create('customs-inspector', { en: 'Customs inspector' });
    await dataSource.query(`UPDATE app_user SET position_id = $1 WHERE id IN ($2, $3)`, [
      held.id,
      agencyAdmin.id,
      learner.id,
    ]);
    const refused = await call(countryAdmin, 'DELETE', `/api/v1/positions/${held.id}`);
    expect(refused.statusCode).toBe(409);
    const problem = refused.json() as PositionHeldProblem;
    expect(problem).toMatchObject({ type: POSITION_HELD, holderCount: 2 });
    expect(problem.detail).toContain('give them another position first');

    const free = await create('seasonal-guard', { en: 'Seasonal guard' });
    expect((await call(countryAdmin, 'DELETE', `/api/v1/positions/${free.id}`)).statusCode).toBe(204);
    const [count] = (await dataSource.query(`SELECT count(*)::int AS n FROM position WHERE id = $1`, [
      free.id,
    ])) as { n: number }[];
    expect(count?.n).toBe(0);
    expect((await auditOf(free.id)).at(-1)).toEqual({
      action: 'position.delete',
      actor_user_id: countryAdmin.id,
      summary: { before: { code: 'seasonal-guard', name: { en: 'Seasonal guard' }, description: null } },
    });
    const again = await call(countryAdmin, 'DELETE', `/api/v1/positions/${free.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ type: 'urn:border-academy:problem:position-not-found' });
  });

  it('answers 404 to a change of an unknown position and 400 to a malformed id', async () => {
    const unknown = await call(
      countryAdmin,
      'PATCH',
      '/api/v1/positions/00000000-0000-4000-8000-000000000000',
      {
        name: { en: 'Ghost' },
      },
    );
    expect(unknown.statusCode).toBe(404);
    expect((await call(countryAdmin, 'DELETE', '/api/v1/positions/42')).statusCode).toBe(400);
  });
});
