import { SEED_STEPS } from '@border-academy/api-db';
import { TestApp, createTestApp, seedTestDatabase } from '@border-academy/api-platform';
import { DataSource } from 'typeorm';

import { LearningModule } from './learning.module';

async function stages(dataSource: DataSource): Promise<string[]> {
  const rows: { line: string }[] = await dataSource.query(
    `SELECT u.login || ' ' || c.code || ' ' || e.source || ' ' || e.status || ' ' || e.progress_percent
              || CASE WHEN e.due_at < now() THEN ' overdue' ELSE '' END
              || CASE WHEN cert.id IS NOT NULL THEN ' certificate' ELSE '' END AS line
       FROM enrolment e JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
       LEFT JOIN certificate cert ON cert.enrolment_id = e.id
      ORDER BY u.login, c.code`,
  );
  return rows.map((row) => row.line);
}

describe('demo learning records', () => {
  let testApp: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp([LearningModule]);
    await seedTestDatabase(testApp, SEED_STEPS);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('give each country’s demo learner enrolments at every stage, derived from their records', async () => {
    const lines = await stages(dataSource);
    expect(lines).toContain('kz.learner ibm-basics assigned enrolled 0 overdue');
    expect(lines).toContain('kz.learner vulnerable-migrants self in_progress 33');
    expect(lines).toContain('kz.learner customs-risk-single-window self completed 100 certificate');
    expect(lines.filter((line) => line.endsWith('certificate'))).toHaveLength(5);
    // the learners' own assignments; the qualifications demo adds one to each country's officer 5
    expect(lines.filter((line) => line.includes(' assigned ') && line.includes('.learner '))).toHaveLength(5);
  });

  it('seed once: running the steps again, even with their records gone, adds nothing', async () => {
    const before = await stages(dataSource);
    await dataSource.query(`DELETE FROM seed_run`);
    await seedTestDatabase(testApp, SEED_STEPS);
    expect(await stages(dataSource)).toEqual(before);
  });
});
