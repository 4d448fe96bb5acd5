import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links a user to their account at a single sign-on provider: the provider's issuer and its stable
 * subject identifier, which survive a change of login or e-mail address at the provider.
 */
export class CreateExternalIdentity1764800000000 implements MigrationInterface {
  name = 'CreateExternalIdentity1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "external_identity" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "issuer" text NOT NULL,
        "subject" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_sign_in_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_external_identity" PRIMARY KEY ("id"),
        CONSTRAINT "fk_external_identity_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_external_identity_issuer_subject" ON "external_identity" ("issuer", "subject")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_external_identity_user_id" ON "external_identity" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "external_identity"`);
  }
}
