import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrgUnit1764300000000 implements MigrationInterface {
  name = 'CreateOrgUnit1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "org_unit_kind" AS ENUM ('country', 'agency', 'directorate', 'region', 'border_post', 'unit')`,
    );
    await queryRunner.query(`
      CREATE TABLE "org_unit" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "kind" "org_unit_kind" NOT NULL,
        "name" jsonb NOT NULL,
        "parent_id" uuid,
        "path" text NOT NULL,
        "depth" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_org_unit" PRIMARY KEY ("id"),
        CONSTRAINT "fk_org_unit_parent" FOREIGN KEY ("parent_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT,
        -- codes become path segments joined by dots and matched with LIKE, so no dots, '%' or '_' in them
        CONSTRAINT "ck_org_unit_code" CHECK ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT "ck_org_unit_name_en" CHECK (jsonb_typeof("name") = 'object' AND "name" ? 'en'),
        CONSTRAINT "ck_org_unit_depth" CHECK ("depth" >= 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_org_unit_code" ON "org_unit" ("code")`);
    await queryRunner.query(`CREATE INDEX "ix_org_unit_parent_id" ON "org_unit" ("parent_id")`);
    // text_pattern_ops lets `path LIKE 'prefix%'` use the index whatever the database collation is
    await queryRunner.query(`CREATE INDEX "ix_org_unit_path" ON "org_unit" ("path" text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE "seed_run" (
        "name" text NOT NULL,
        "applied_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_seed_run" PRIMARY KEY ("name")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "seed_run"`);
    await queryRunner.query(`DROP TABLE "org_unit"`);
    await queryRunner.query(`DROP TYPE "org_unit_kind"`);
  }
}
