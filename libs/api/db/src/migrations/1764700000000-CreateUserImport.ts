import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk imports of users: an uploaded file's rows as read, the dry run's outcome per row, and after the
 * commit what was written. Rows are kept so that the preview can be paged and the commit re-checked.
 */
export class CreateUserImport1764700000000 implements MigrationInterface {
  name = 'CreateUserImport1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_by" uuid,
        -- the uploader's unit: admins whose scope covers it see the import
        "org_unit_id" uuid NOT NULL,
        "file_name" text,
        "file_type" text NOT NULL,
        "row_count" integer NOT NULL,
        "status" text NOT NULL DEFAULT 'previewed',
        -- rows written so far, updated outside the commit's transaction so that a poll can read it
        "progress" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "committed_at" timestamptz,
        "committed_by" uuid,
        CONSTRAINT "pk_user_import" PRIMARY KEY ("id"),
        CONSTRAINT "fk_user_import_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_user_import_committed_by" FOREIGN KEY ("committed_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_user_import_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_user_import_file_type" CHECK ("file_type" IN ('csv', 'xlsx')),
        CONSTRAINT "ck_user_import_status" CHECK ("status" IN ('previewed', 'committing', 'committed')),
        CONSTRAINT "ck_user_import_row_count" CHECK ("row_count" >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_user_import_org_unit_id" ON "user_import" ("org_unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_user_import_created_by" ON "user_import" ("created_by")`);
    await queryRunner.query(`CREATE INDEX "ix_user_import_committed_by" ON "user_import" ("committed_by")`);

    await queryRunner.query(`
      CREATE TABLE "user_import_row" (
        "import_id" uuid NOT NULL,
        "line" integer NOT NULL,
        "login" text NOT NULL,
        "email" text NOT NULL,
        "full_name" text NOT NULL,
        "full_name_cyrillic" text NOT NULL,
        "language" text NOT NULL,
        "org_unit_code" text NOT NULL,
        "position_code" text NOT NULL,
        "roles_text" text NOT NULL,
        "roles" text[] NOT NULL,
        -- errors found in the cells alone; the checks against the database add theirs to "errors"
        "format_errors" text[] NOT NULL,
        "errors" text[] NOT NULL DEFAULT '{}',
        "outcome" text NOT NULL DEFAULT 'error',
        "changes" jsonb,
        "user_id" uuid,
        "org_unit_id" uuid,
        "position_id" uuid,
        CONSTRAINT "pk_user_import_row" PRIMARY KEY ("import_id", "line"),
        CONSTRAINT "fk_user_import_row_import" FOREIGN KEY ("import_id") REFERENCES "user_import" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_user_import_row_outcome" CHECK ("outcome" IN ('create', 'update', 'unchanged', 'error'))
      )`);
    // the preview filtered to one outcome, in file order
    await queryRunner.query(
      `CREATE INDEX "ix_user_import_row_outcome" ON "user_import_row" ("import_id", "outcome", "line")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_import_row"`);
    await queryRunner.query(`DROP TABLE "user_import"`);
  }
}
