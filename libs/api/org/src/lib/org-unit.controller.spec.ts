import { orgUnitsSeed } from '@border-academy/api-db';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { OrgUnit, PROBLEM_CONTENT_TYPE, Page, ProblemDetails } from '@border-academy/shared-contracts';

import { OrgModule } from './org.module';

describe('org units API', () => {
  let testApp: TestApp;
  let learner: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp([OrgModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    learner = await createTestUser(testApp.app, {
      login: 'tj.learner',
      orgUnitCode: 'tj-customs',
      grants: [['learner', 'tj-customs']],
    });
  });

  function get(url: string) {
    return injectAs(testApp.app, learner, 'GET', url);
  }

  afterAll(async () => {
    await testApp?.close();
  });

  async function list(query: string): Promise<Page<OrgUnit>> {
    const response = await get(`/api/v1/org-units${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page<OrgUnit>;
  }

  it('lists org units page by page, in tree order', async () => {
    const first = await list('?page=1&pageSize=5');
    const second = await list('?page=2&pageSize=5');
    expect(first).toMatchObject({ page: 1, pageSize: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThanOrEqual(75);
    expect(second.total).toBe(first.total);
    const paths = [...first.items, ...second.items].map((unit) => unit.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(10);
  });

  it('reports the total on a page past the end', async () => {
    const { total } = await list('?pageSize=1');
    expect(await list(`?page=${total + 1}&pageSize=1`)).toEqual({
      items: [],
      total,
      page: total + 1,
      pageSize: 1,
    });
  });

  it('shows names per language, the place in the tree and the number of children', async () => {
    const [kazakhstan] = (await list('?q=Kazakhstan&pageSize=1')).items;
    expect(kazakhstan).toMatchObject({
      code: 'kz',
      kind: 'country',
      name: { en: 'Kazakhstan', ru: 'Казахстан' },
      parentId: null,
      path: 'kz',
      depth: 0,
      childCount: 3,
    });
  });

  it('lists the children of a unit', async () => {
    const [kazakhstan] = (await list('?q=Kazakhstan&pageSize=1')).items;
    const children = await list(`?parentId=${kazakhstan?.id}`);
    expect(children.items.map((unit) => unit.code).sort()).toEqual([
      'kz-border',
      'kz-customs',
      'kz-migration',
    ]);
    expect(children.items.every((unit) => unit.depth === 1 && unit.parentId === kazakhstan?.id)).toBe(true);
  });

  it('finds units by a name in any language', async () => {
    const byRussian = await list(`?q=${encodeURIComponent('Хоргос')}`);
    expect(byRussian.items.map((unit) => unit.code)).toContain('kz-border-khorgos');
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect((await list('?q=%25')).total).toBe(0);
  });

  it('returns one org unit by id, and 404 for an unknown id', async () => {
    const [torugart] = (await list('?q=Torugart')).items;
    const found = await get(`/api/v1/org-units/${torugart?.id}`);
    expect(found.json()).toEqual(torugart);

    const missing = await get('/api/v1/org-units/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(missing.json()).toMatchObject({
      status: 404,
      type: 'urn:border-academy:problem:org-unit-not-found',
    });
  });

  it.each([
    ['?pageSize=1000', 'pageSize'],
    ['?page=0', 'page'],
    ['?page=abc', 'page'],
    ['?parentId=not-a-uuid', 'parentId'],
    ['?sort=name', 'sort'],
  ])('rejects %s with a 400 field error on %s', async (query, field) => {
    const response = await get(`/api/v1/org-units${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const problem = response.json() as ProblemDetails;
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('rejects a malformed id with a 400 problem', async () => {
    const response = await get('/api/v1/org-units/42');
    expect(response.statusCode).toBe(400);
    expect((response.json() as ProblemDetails).errors?.[0]?.field).toBe('id');
  });

  it('answers 401 to an anonymous caller, whose token is missing or forged', async () => {
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/v1/org-units' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const forged = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/org-units',
      headers: { authorization: `${learner.authorization.slice(0, -4)}AAAA` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('documents the org unit routes in OpenAPI', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs-json' });
    const document = response.json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/org-units', '/api/v1/org-units/{id}']),
    );
    const list = document.paths['/api/v1/org-units']?.['get'] as {
      tags?: string[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(list.tags).toEqual(['org-units']);
    expect(Object.keys(list.responses['400']?.content ?? {})).toEqual([PROBLEM_CONTENT_TYPE]);
  });
});
