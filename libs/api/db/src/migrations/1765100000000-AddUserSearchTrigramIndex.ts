import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The administration searches people by any part of their login or name (`ILIKE '%…%'`), which no
 * B-tree can answer. Trigram indexes can, in Latin and Cyrillic alike; pg_trgm is a trusted
 * extension, so the database owner may create it without being a superuser.
 */
export class AddUserSearchTrigramIndex1765100000000 implements MigrationInterface {
  name = 'AddUserSearchTrigramIndex1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // one multicolumn GIN index: the search ORs the three columns, and each arm scans it
    await queryRunner.query(
      `CREATE INDEX "ix_app_user_search_trgm" ON "app_user"
         USING gin ("login" gin_trgm_ops, "full_name" gin_trgm_ops, "full_name_cyrillic" gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_app_user_search_trgm"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
