import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People, their positions and role grants, refresh-token sessions, one-time password-reset links and
 * the append-only audit trail. Queried through SQL in the repositories; every lookup has its index here.
 */
export class CreateIdentity1764400000000 implements MigrationInterface {
  name = 'CreateIdentity1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "role" AS ENUM ('learner', 'trainer', 'hr', 'admin')`);
    await queryRunner.query(`CREATE TYPE "user_status" AS ENUM ('active', 'suspended')`);

    await queryRunner.query(`
      CREATE TABLE "position" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" jsonb NOT NULL,
        "description" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_position" PRIMARY KEY ("id"),
        CONSTRAINT "ck_position_code" CHECK ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT "ck_position_name_en" CHECK (jsonb_typeof("name") = 'object' AND "name" ? 'en')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_position_code" ON "position" ("code")`);

    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "login" text NOT NULL,
        "email" text NOT NULL,
        "full_name" text NOT NULL,
        "full_name_cyrillic" text,
        "language" text NOT NULL DEFAULT 'en',
        "position_id" uuid,
        "org_unit_id" uuid NOT NULL,
        "status" "user_status" NOT NULL DEFAULT 'active',
        -- null for people who sign in only through single sign-on
        "password_hash" text,
        "failed_sign_ins" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_app_user" PRIMARY KEY ("id"),
        CONSTRAINT "fk_app_user_position" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_app_user_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_app_user_login" CHECK ("login" ~ '^[A-Za-z0-9._-]{3,64}$'),
        CONSTRAINT "ck_app_user_language" CHECK ("language" ~ '^[a-z]{2}$'),
        CONSTRAINT "ck_app_user_failed_sign_ins" CHECK ("failed_sign_ins" >= 0)
      )`);
    // logins and e-mail addresses are compared case-insensitively everywhere, so uniqueness is too
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_login" ON "app_user" (lower("login"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" (lower("email"))`);
    await queryRunner.query(`CREATE INDEX "ix_app_user_org_unit_id" ON "app_user" ("org_unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_app_user_position_id" ON "app_user" ("position_id")`);
    await queryRunner.query(`CREATE INDEX "ix_app_user_full_name" ON "app_user" (lower("full_name"), "id")`);
    await queryRunner.query(`CREATE INDEX "ix_app_user_created_at" ON "app_user" ("created_at", "id")`);

    await queryRunner.query(`
      CREATE TABLE "role_grant" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "role" "role" NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "granted_by" uuid,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_role_grant" PRIMARY KEY ("id"),
        CONSTRAINT "fk_role_grant_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_role_grant_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_role_grant_granted_by" FOREIGN KEY ("granted_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_role_grant_user_role_org_unit" ON "role_grant" ("user_id", "role", "org_unit_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_role_grant_org_unit_id" ON "role_grant" ("org_unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_role_grant_granted_by" ON "role_grant" ("granted_by")`);

    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        -- every refresh token issued by rotation from one sign-in shares the family
        "family_id" uuid NOT NULL,
        -- sha-256 of the refresh token, hex; the token itself is never stored
        "token_hash" text NOT NULL,
        "replaced_by" uuid,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "revoke_reason" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "ip" text,
        "user_agent" text,
        CONSTRAINT "pk_auth_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_auth_session_replaced_by" FOREIGN KEY ("replaced_by") REFERENCES "auth_session" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_auth_session_token_hash" ON "auth_session" ("token_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_session_family_id" ON "auth_session" ("family_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_auth_session_user_id_live" ON "auth_session" ("user_id") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_session_replaced_by" ON "auth_session" ("replaced_by")`);

    await queryRunner.query(`
      CREATE TABLE "password_reset" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_password_reset" PRIMARY KEY ("id"),
        CONSTRAINT "fk_password_reset_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_password_reset_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_reset_token_hash" ON "password_reset" ("token_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_password_reset_user_id" ON "password_reset" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_password_reset_created_by" ON "password_reset" ("created_by")`);

    // no foreign keys: the trail must outlive the users and records it names
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" bigserial NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_user_id" uuid,
        "action" text NOT NULL,
        "target_type" text,
        "target_id" text,
        "ip" text,
        "summary" jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT "pk_audit_event" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_at" ON "audit_event" ("at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event" ("actor_user_id", "at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_target" ON "audit_event" ("target_type", "target_id", "at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event_action" ON "audit_event" ("action", "at")`);
    // append-only even for code that bypasses the API
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_is_append_only"()`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "position"`);
    await queryRunner.query(`DROP TYPE "user_status"`);
    await queryRunner.query(`DROP TYPE "role"`);
  }
}
