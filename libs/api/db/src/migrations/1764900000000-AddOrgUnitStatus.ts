import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Org units can be deactivated instead of deleted: they keep their history and their people's past
 * records but leave lists and pickers. The tree's lists ask for the active children of a unit, so
 * the index on the parent carries the status too (and still serves the parent's foreign key).
 */
export class AddOrgUnitStatus1764900000000 implements MigrationInterface {
  name = 'AddOrgUnitStatus1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "org_unit_status" AS ENUM ('active', 'inactive')`);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD "status" "org_unit_status" NOT NULL DEFAULT 'active'`,
    );
    await queryRunner.query(`DROP INDEX "ix_org_unit_parent_id"`);
    await queryRunner.query(
      `CREATE INDEX "ix_org_unit_parent_id_status" ON "org_unit" ("parent_id", "status")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_org_unit_parent_id_status"`);
    await queryRunner.query(`CREATE INDEX "ix_org_unit_parent_id" ON "org_unit" ("parent_id")`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TYPE "org_unit_status"`);
  }
}
