import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API instance when a row it may have cached changes. `principal_changed`: a person's
 * status, unit or erasure, their role grants, their sessions (a sign-out, a revoked family), or any
 * unit's path (a move changes the paths grants are scoped by: everyone, as `*`).
 * `certificate_changed`: a certificate revoked, its holder's name erased, or deleted (its code).
 * PostgreSQL delivers a notification only once its transaction commits, and drops copies within one
 * transaction.
 */
export class NotifyCachedRowChanges1765720000000 implements MigrationInterface {
  name = 'NotifyCachedRowChanges1765720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "principal_changed_notify"() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          IF TG_TABLE_NAME = 'org_unit' THEN
            PERFORM pg_notify('principal_changed', '*');
          ELSIF TG_TABLE_NAME = 'app_user' THEN
            PERFORM pg_notify('principal_changed', OLD.id::text);
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM pg_notify('principal_changed', OLD.user_id::text);
          ELSE
            PERFORM pg_notify('principal_changed', NEW.user_id::text);
            IF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
              PERFORM pg_notify('principal_changed', OLD.user_id::text);
            END IF;
          END IF;
          RETURN NULL;
        END
        $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_app_user_principal_changed"
        AFTER UPDATE OF status, org_unit_id, erased_at OR DELETE ON "app_user"
        FOR EACH ROW EXECUTE FUNCTION principal_changed_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_role_grant_principal_changed"
        AFTER INSERT OR UPDATE OR DELETE ON "role_grant"
        FOR EACH ROW EXECUTE FUNCTION principal_changed_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_auth_session_principal_changed"
        AFTER UPDATE OF revoked_at, expires_at, user_id OR DELETE ON "auth_session"
        FOR EACH ROW EXECUTE FUNCTION principal_changed_notify()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_org_unit_principal_changed"
        AFTER UPDATE OF path ON "org_unit"
        FOR EACH STATEMENT EXECUTE FUNCTION principal_changed_notify()`);

    await queryRunner.query(`
      CREATE FUNCTION "certificate_changed_notify"() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          PERFORM pg_notify('certificate_changed', OLD.code);
          RETURN NULL;
        END
        $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_certificate_changed"
        AFTER UPDATE OR DELETE ON "certificate"
        FOR EACH ROW EXECUTE FUNCTION certificate_changed_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_certificate_changed" ON "certificate"`);
    await queryRunner.query(`DROP FUNCTION "certificate_changed_notify"()`);
    await queryRunner.query(`DROP TRIGGER "tr_org_unit_principal_changed" ON "org_unit"`);
    await queryRunner.query(`DROP TRIGGER "tr_auth_session_principal_changed" ON "auth_session"`);
    await queryRunner.query(`DROP TRIGGER "tr_role_grant_principal_changed" ON "role_grant"`);
    await queryRunner.query(`DROP TRIGGER "tr_app_user_principal_changed" ON "app_user"`);
    await queryRunner.query(`DROP FUNCTION "principal_changed_notify"()`);
  }
}
