import { DataSource } from 'typeorm';

import { TestDatabase, connectTestDataSource, createTestDatabase } from '../testing/test-database';
import { SEED_STEPS } from './index';
import { demoSignIns } from './demo-users.seed';
import { ORG_TREE } from './org-units.seed';
import { runSeeds } from './seed-registry';

async function counts(dataSource: DataSource): Promise<{ units: number; seeds: number }> {
  const [row]: { units: number; seeds: number }[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM org_unit) AS units, (SELECT count(*)::int FROM seed_run) AS seeds`,
  );
  return row ?? { units: -1, seeds: -1 };
}

describe('seeds', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connectTestDataSource(database);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('apply each step once: a second run changes no row counts', async () => {
    const first = await runSeeds(dataSource, SEED_STEPS);
    expect(first.applied).toEqual(SEED_STEPS.map((step) => step.name));
    const afterFirst = await counts(dataSource);

    const second = await runSeeds(dataSource, SEED_STEPS);
    expect(second.applied).toEqual([]);
    expect(await counts(dataSource)).toEqual(afterFirst);
  });

  it('upsert by natural key, so a step re-run after its record is gone duplicates nothing', async () => {
    const before = await counts(dataSource);
    await dataSource.query('DELETE FROM seed_run');
    await runSeeds(dataSource, SEED_STEPS);
    expect(await counts(dataSource)).toEqual(before);
  });

  it('build the tree of five countries with three agencies and two or more crossing points each', async () => {
    const countries: { code: string; agencies: number; posts: number }[] = await dataSource.query(`
      SELECT c.code,
             (SELECT count(*)::int FROM org_unit a WHERE a.parent_id = c.id AND a.kind = 'agency') AS agencies,
             (SELECT count(*)::int FROM org_unit p WHERE p.path LIKE c.path || '.%' AND p.kind = 'border_post') AS posts
        FROM org_unit c WHERE c.kind = 'country' ORDER BY c.code`);
    expect(countries.map((country) => country.code)).toEqual(['kg', 'kz', 'tj', 'tm', 'uz']);
    for (const country of countries) {
      expect(country.agencies).toBe(3);
      expect(country.posts).toBeGreaterThanOrEqual(6);
    }
    const unnamed: unknown[] = await dataSource.query(
      `SELECT 1 FROM org_unit WHERE NOT (name ? 'en' AND name ? 'ru')`,
    );
    expect(unnamed).toHaveLength(0);
    expect(ORG_TREE).toHaveLength(5);
  });

  it('give the border service of each country a user of every role, and the platform admin every country', async () => {
    const grants: { login: string; role: string; unit: string }[] = await dataSource.query(`
      SELECT u.login, g.role::text AS role, ou.code AS unit
        FROM role_grant g JOIN app_user u ON u.id = g.user_id JOIN org_unit ou ON ou.id = g.org_unit_id
       ORDER BY u.login, ou.code`);
    for (const country of ['kg', 'kz', 'tj', 'tm', 'uz']) {
      for (const role of ['learner', 'trainer', 'hr', 'admin']) {
        expect(grants).toContainEqual({ login: `${country}.${role}`, role, unit: `${country}-border` });
      }
    }
    expect(grants.filter((row) => row.login === 'platform.admin').map((row) => row.unit)).toEqual([
      'kg',
      'kz',
      'tj',
      'tm',
      'uz',
    ]);
    expect(
      demoSignIns()
        .map((signIn) => signIn.login)
        .sort(),
    ).toEqual(
      [...new Set(grants.map((row) => row.login).filter((login) => !/\.officer\d$/.test(login)))].sort(),
    );
    // and the officers of the qualifications demo: eight per country, learners at its border posts
    for (const country of ['kg', 'kz', 'tj', 'tm', 'uz']) {
      const officers = grants.filter((row) => row.login.startsWith(`${country}.officer`));
      expect(officers).toHaveLength(8);
      expect(
        officers.every((row) => row.role === 'learner' && row.unit.startsWith(`${country}-border-`)),
      ).toBe(true);
    }
  });

  it('roll a failing step back without recording it', async () => {
    const failing = {
      name: 'failing-step',
      run: async (manager: { query(sql: string): Promise<unknown> }) => {
        await manager.query(`UPDATE org_unit SET depth = depth + 100`);
        throw new Error('boom');
      },
    };
    await expect(runSeeds(dataSource, [failing])).rejects.toThrow('boom');
    const recorded: unknown[] = await dataSource.query(`SELECT 1 FROM seed_run WHERE name = 'failing-step'`);
    expect(recorded).toHaveLength(0);
    const deep: unknown[] = await dataSource.query(`SELECT 1 FROM org_unit WHERE depth >= 100`);
    expect(deep).toHaveLength(0);
  });
});
