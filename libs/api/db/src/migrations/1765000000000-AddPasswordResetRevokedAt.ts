import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reset link ends when it is used, when it expires, or when an admin issues a newer one. The last is
 * recorded apart from use, so that a link which set a password can be told from one that was replaced.
 * Revoking finds a person's links through the existing index on user_id.
 */
export class AddPasswordResetRevokedAt1765000000000 implements MigrationInterface {
  name = 'AddPasswordResetRevokedAt1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset" ADD "revoked_at" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset" DROP COLUMN "revoked_at"`);
  }
}
