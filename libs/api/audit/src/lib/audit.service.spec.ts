import { TestDatabase, connectTestDataSource, createTestDatabase } from '@border-academy/api-db';
import { DataSource } from 'typeorm';

import { AuditService } from './audit.service';

describe('AuditService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const audit = new AuditService();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connectTestDataSource(database);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('records an entry with its summary', async () => {
    await audit.record(dataSource.manager, {
      actorUserId: null,
      action: 'auth.sign-in-failed',
      targetType: 'user',
      targetId: 'someone',
      ip: '10.0.0.1',
      summary: { reason: 'wrong password' },
    });
    const rows = await dataSource.query(`SELECT action, target_id, ip, summary FROM audit_event`);
    expect(rows).toEqual([
      {
        action: 'auth.sign-in-failed',
        target_id: 'someone',
        ip: '10.0.0.1',
        summary: { reason: 'wrong password' },
      },
    ]);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record(manager, { actorUserId: null, action: 'user.update' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'user.update'`);
    expect(rows).toHaveLength(0);
  });
});
