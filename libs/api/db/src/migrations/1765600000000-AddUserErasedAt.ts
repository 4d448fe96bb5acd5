import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a person's personal data was erased on request. The row itself stays, anonymised, so that
 * enrolments, progress, attempts and certificates keep their holder and aggregate figures stay right;
 * an erased person is always suspended, which the check holds even against code that bypasses the API.
 */
export class AddUserErasedAt1765600000000 implements MigrationInterface {
  name = 'AddUserErasedAt1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "erased_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_erased_suspended"
         CHECK ("erased_at" IS NULL OR ("status" = 'suspended' AND "password_hash" IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_erased_suspended"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "erased_at"`);
  }
}
