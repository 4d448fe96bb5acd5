import { orgUnitsSeed } from '@border-academy/api-db';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { PROBLEM_CONTENT_TYPE, Page, Position, ProblemDetails } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { OrgModule } from '../org.module';

const CATALOGUE = [
  { code: 'customs-inspector', name: { en: 'Customs inspector', ru: 'Таможенный инспектор' } },
  {
    code: 'first-line-border-guard',
    name: { en: 'First-line border guard', ru: 'Пограничник первой линии' },
  },
  { code: 'migration-officer', name: { en: 'Migration officer', ru: 'Сотрудник миграционной службы' } },
  { code: 'analyst-100', name: { en: 'Analyst 100%' } },
];

describe('positions API', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let learner: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp([OrgModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    for (const position of CATALOGUE) {
      await dataSource.query(`INSERT INTO position (code, name, description) VALUES ($1, $2, $3)`, [
        position.code,
        JSON.stringify(position.name),
        JSON.stringify({ en: `What a ${position.name.en} does` }),
      ]);
    }
    learner = await createTestUser(testApp.app, {
      login: 'kg.learner',
      orgUnitCode: 'kg-customs',
      grants: [['learner', 'kg-customs']],
    });
    await dataSource.query(
      `UPDATE app_user SET position_id = (SELECT id FROM position WHERE code = 'customs-inspector') WHERE id = $1`,
      [learner.id],
    );
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function get(url: string) {
    return injectAs(testApp.app, learner, 'GET', url);
  }

  async function list(query = ''): Promise<Page<Position>> {
    const response = await get(`/api/v1/positions${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page<Position>;
  }

  it('lists the catalogue to any signed-in person, sorted by the English name', async () => {
    const page = await list();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(page.items.map((position) => position.code)).toEqual([
      'analyst-100',
      'customs-inspector',
      'first-line-border-guard',
      'migration-officer',
    ]);
    expect(page.items[1]).toEqual({
      id: expect.any(String),
      code: 'customs-inspector',
      name: { en: 'Customs inspector', ru: 'Таможенный инспектор' },
      description: { en: 'What a Customs inspector does' },
      holderCount: 1,
    });
  });

  it('sorts by the Russian name when asked, falling back to English where there is none', async () => {
    const page = await list('?language=ru');
    expect(page.items.map((position) => position.code)).toEqual([
      'analyst-100',
      'first-line-border-guard',
      'migration-officer',
      'customs-inspector',
    ]);
  });

  it('pages through the catalogue and reports the total past the end', async () => {
    const first = await list('?pageSize=3');
    const second = await list('?page=2&pageSize=3');
    expect(first.items).toHaveLength(3);
    expect(second.items.map((position) => position.code)).toEqual(['migration-officer']);
    expect(await list('?page=9&pageSize=3')).toEqual({ items: [], total: 4, page: 9, pageSize: 3 });
  });

  it('searches the code and the names in any language, taking wildcards literally', async () => {
    expect((await list(`?q=${encodeURIComponent('таможен')}`)).items.map((p) => p.code)).toEqual([
      'customs-inspector',
    ]);
    expect((await list('?q=BORDER-GUARD')).items.map((p) => p.code)).toEqual(['first-line-border-guard']);
    expect((await list('?q=%25')).items.map((p) => p.code)).toEqual(['analyst-100']);
    expect((await list('?q=_')).total).toBe(0);
  });

  it('returns one position by id, and a 404 problem for an unknown one', async () => {
    const [position] = (await list('?q=migration')).items;
    expect((await get(`/api/v1/positions/${position?.id}`)).json()).toEqual(position);
    const missing = await get('/api/v1/positions/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(missing.json()).toMatchObject({ type: 'urn:border-academy:problem:position-not-found' });
  });

  it.each([
    ['?pageSize=101', 'pageSize'],
    ['?page=0', 'page'],
    ['?language=de', 'language'],
    ['?sort=code', 'sort'],
  ])('rejects %s with a 400 field error on %s', async (query, field) => {
    const response = await get(`/api/v1/positions${query}`);
    expect(response.statusCode).toBe(400);
    expect((response.json() as ProblemDetails).errors?.map((error) => error.field)).toContain(field);
  });

  it('answers 401 to an anonymous caller', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/positions' });
    expect(response.statusCode).toBe(401);
  });
});
