import { DataSource, EntityManager } from 'typeorm';

/** A named, idempotent step that fills the database with reference or demo data. */
export interface SeedStep {
  /** Recorded in seed_run once applied; never rename a step that has shipped. */
  name: string;
  /** Runs inside a transaction; must upsert by natural key so that a re-run changes nothing. */
  run(manager: EntityManager): Promise<void>;
}

export interface SeedReport {
  applied: string[];
  skipped: string[];
}

/**
 * Applies each step that seed_run does not list yet, each in its own transaction together with its
 * seed_run row, so a failed step leaves no trace and is retried on the next run.
 */
export async function runSeeds(dataSource: DataSource, steps: readonly SeedStep[]): Promise<SeedReport> {
  const report: SeedReport = { applied: [], skipped: [] };
  for (const step of steps) {
    const applied = await dataSource.transaction(async (manager) => {
      // serialises concurrent starts of the API on one database
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`seed:${step.name}`]);
      const done: unknown[] = await manager.query('SELECT 1 FROM seed_run WHERE name = $1', [step.name]);
      if (done.length > 0) return false;
      await step.run(manager);
      await manager.query('INSERT INTO seed_run (name) VALUES ($1)', [step.name]);
      return true;
    });
    (applied ? report.applied : report.skipped).push(step.name);
  }
  return report;
}
