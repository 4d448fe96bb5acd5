import { connectTestDataSource, orgUnitsSeed, runSeeds } from '@border-academy/api-db';
import { DatabaseNotifications, PrincipalCache, TestApp, createTestApp } from '@border-academy/api-platform';
import { DataSource, EntityManager } from 'typeorm';

import { IdentityModule } from '../identity.module';
import { UserRepository } from './user.repository';

/** Stops the repository right after its statement has been explained instead of run. */
class Explained extends Error {
  constructor(readonly plan: string) {
    super('explained');
  }
}

describe('searching users by part of a login or name', () => {
  let testApp: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule]);
    const seeding = await connectTestDataSource(testApp.database);
    try {
      await runSeeds(seeding, [orgUnitsSeed]);
    } finally {
      await seeding.destroy();
    }
    dataSource = testApp.app.get(DataSource);
    // an agency's worth of people, so that the planner weighs an index against reading them all
    await dataSource.query(
      `INSERT INTO app_user (login, email, full_name, full_name_cyrillic, org_unit_id)
       SELECT 'officer.' || n, 'officer.' || n || '@example.kz', 'Officer Number ' || n, 'Офицер номер ' || n, ou.id
         FROM generate_series(1, 20000) AS n, org_unit ou WHERE ou.code = 'kz-border'`,
    );
    await dataSource.query(
      `INSERT INTO app_user (login, email, full_name, full_name_cyrillic, org_unit_id)
       SELECT 'aliya.nurlanova', 'aliya@example.kz', 'Aliya Nurlanova', 'Алия Нурланова', id
         FROM org_unit WHERE code = 'kz-border'`,
    );
    // as autovacuum would: moves the GIN index's pending entries into the index and gathers statistics
    await dataSource.query(`VACUUM ANALYZE app_user`);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  async function planOfSearch(q: string): Promise<string> {
    const explaining = {
      query: async (sql: string, parameters: unknown[]) => {
        const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN ${sql}`, parameters);
        throw new Explained(rows.map((row) => row['QUERY PLAN']).join('\n'));
      },
    } as unknown as EntityManager;
    try {
      await new UserRepository(new PrincipalCache(new DatabaseNotifications(dataSource))).findPage(
        explaining,
        ['kz'],
        {
          q,
          limit: 20,
          offset: 0,
        },
      );
    } catch (error) {
      if (error instanceof Explained) return error.plan;
      throw error;
    }
    throw new Error('the search ran no statement');
  }

  it.each([['nurlan'], ['Нурлан']])(
    'finds %s through the trigram index, not by reading every user',
    async (q) => {
      const plan = await planOfSearch(q);
      expect(plan).toContain('ix_app_user_search_trgm');
      expect(plan).not.toMatch(/Seq Scan on app_user/);
    },
  );

  it('finds the person by a part of the Cyrillic name', async () => {
    const page = await new UserRepository(new PrincipalCache(new DatabaseNotifications(dataSource))).findPage(
      dataSource.manager,
      ['kz'],
      {
        q: 'нурлан',
        limit: 20,
        offset: 0,
      },
    );
    expect(page.items.map((user) => user.login)).toEqual(['aliya.nurlanova']);
    expect(page.total).toBe(1);
  });
});
