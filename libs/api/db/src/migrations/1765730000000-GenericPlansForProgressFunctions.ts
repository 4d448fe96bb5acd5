import { MigrationInterface, QueryRunner } from 'typeorm';

const FUNCTIONS = [
  'learning_recompute(uuid)',
  'learning_progress(uuid[])',
  'learning_issue_certificate(uuid, text)',
  'learning_apply_progress(uuid, uuid[], uuid[], uuid[], progress_event_kind[], timestamptz[], text[], boolean)',
];

/**
 * PL/pgSQL keeps a plan per statement and connection, but for a statement with parameters it may plan
 * again at every call ("custom" plans) when it guesses that pays. For the progress path it never does:
 * every statement looks rows up by key, and planning the recomputation (with the lesson states inlined)
 * cost more than running it. Generic plans halved the database's time per progress event.
 */
export class GenericPlansForProgressFunctions1765730000000 implements MigrationInterface {
  name = 'GenericPlansForProgressFunctions1765730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const signature of FUNCTIONS) {
      await queryRunner.query(`ALTER FUNCTION ${signature} SET plan_cache_mode = force_generic_plan`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const signature of FUNCTIONS) {
      await queryRunner.query(`ALTER FUNCTION ${signature} RESET plan_cache_mode`);
    }
  }
}
