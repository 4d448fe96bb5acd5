import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every enrolment of a person, whatever its status: HR's training records export reads a unit's
 * people and then all their enrolments, withdrawn and expired ones too, which the partial indexes
 * of my learning leave out; without this a border post's export would scan every enrolment.
 */
export class AddEnrolmentUserIndex1765710000000 implements MigrationInterface {
  name = 'AddEnrolmentUserIndex1765710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_enrolment_user_id" ON "enrolment" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_enrolment_user_id"`);
  }
}
