import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Qualifications and compliance: the catalogue of qualifications and the courses that grant them,
 * positions' requirements, every grant with its append-only history, each person's current standing,
 * HR's assignments (a unit or position assignment is a rule that follows people in and out), in-app
 * notifications, once-a-day job runs and the daily compliance snapshots behind the trend.
 *
 * `assignment_reconcile` keeps rule enrolments right for the people it is given; a trigger on
 * `app_user` calls it when someone is added, moves unit, changes position or is suspended, so a
 * bulk import, an admin's edit and an SSO sign-up all reach the same rules.
 */
export class CreateQualifications1765400000000 implements MigrationInterface {
  name = 'CreateQualifications1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "award_rule" AS ENUM ('all-courses', 'n-of-courses', 'assessment')`);
    await queryRunner.query(`CREATE TYPE "grant_source" AS ENUM ('courses', 'assessment', 'manual')`);
    await queryRunner.query(
      `CREATE TYPE "qualification_event_kind" AS ENUM ('granted', 'renewed', 'expiring', 'expired', 'revoked')`,
    );
    await queryRunner.query(`CREATE TYPE "assignment_target" AS ENUM ('person', 'unit', 'position')`);

    await queryRunner.query(`
      CREATE TABLE "qualification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" jsonb NOT NULL,
        "description" jsonb,
        "area" "thematic_area" NOT NULL,
        "level" integer NOT NULL,
        "rule" "award_rule" NOT NULL,
        "required_count" integer,
        "validity_months" integer,
        "warning_days" integer NOT NULL DEFAULT 60,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_qualification" PRIMARY KEY ("id"),
        CONSTRAINT "ck_qualification_level" CHECK ("level" BETWEEN 1 AND 8),
        CONSTRAINT "ck_qualification_required_count" CHECK (("rule" = 'n-of-courses') = ("required_count" IS NOT NULL) AND ("required_count" IS NULL OR "required_count" >= 1)),
        CONSTRAINT "ck_qualification_validity_months" CHECK ("validity_months" IS NULL OR "validity_months" BETWEEN 1 AND 240),
        CONSTRAINT "ck_qualification_warning_days" CHECK ("warning_days" BETWEEN 0 AND 365)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_qualification_code" ON "qualification" (lower("code"))`);
    await queryRunner.query(`CREATE INDEX "ix_qualification_area" ON "qualification" ("area", "code")`);
    await queryRunner.query(
      `CREATE INDEX "ix_qualification_search_trgm" ON "qualification" USING gin ("code" gin_trgm_ops, content_text_search("name") gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE "qualification_course" (
        "qualification_id" uuid NOT NULL,
        "course_id" uuid NOT NULL,
        CONSTRAINT "pk_qualification_course" PRIMARY KEY ("qualification_id", "course_id"),
        CONSTRAINT "fk_qualification_course_qualification" FOREIGN KEY ("qualification_id") REFERENCES "qualification" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qualification_course_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE RESTRICT
      )`);
    // a completion looks up the qualifications its course counts towards
    await queryRunner.query(
      `CREATE INDEX "ix_qualification_course_course_id" ON "qualification_course" ("course_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "position_qualification" (
        "position_id" uuid NOT NULL,
        "qualification_id" uuid NOT NULL,
        CONSTRAINT "pk_position_qualification" PRIMARY KEY ("position_id", "qualification_id"),
        CONSTRAINT "fk_position_qualification_position" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_position_qualification_qualification" FOREIGN KEY ("qualification_id") REFERENCES "qualification" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_position_qualification_qualification_id" ON "position_qualification" ("qualification_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "evidence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "file_name" text NOT NULL,
        "media_type" text NOT NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" text NOT NULL,
        "storage_key" text NOT NULL,
        "uploaded_by" uuid,
        "uploaded_by_path" text NOT NULL,
        "uploaded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_evidence" PRIMARY KEY ("id"),
        CONSTRAINT "fk_evidence_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_uploaded_by" ON "evidence" ("uploaded_by")`);

    // every grant ever made; a revocation marks its grant, nothing is deleted or overwritten
    await queryRunner.query(`
      CREATE TABLE "qualification_grant" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "qualification_id" uuid NOT NULL,
        "source" "grant_source" NOT NULL,
        "granted_at" timestamptz NOT NULL,
        "expires_at" timestamptz,
        "granted_by" uuid,
        "note" text,
        "evidence_id" uuid,
        "enrolment_id" uuid,
        "renews_grant_id" uuid,
        "revoked_at" timestamptz,
        "revoked_by" uuid,
        "revoke_reason" text,
        CONSTRAINT "pk_qualification_grant" PRIMARY KEY ("id"),
        CONSTRAINT "ck_qualification_grant_revoked" CHECK (("revoked_at" IS NULL) = ("revoke_reason" IS NULL)),
        CONSTRAINT "fk_qualification_grant_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qualification_grant_qualification" FOREIGN KEY ("qualification_id") REFERENCES "qualification" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_qualification_grant_granted_by" FOREIGN KEY ("granted_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_qualification_grant_revoked_by" FOREIGN KEY ("revoked_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_qualification_grant_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_qualification_grant_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_qualification_grant_renews" FOREIGN KEY ("renews_grant_id") REFERENCES "qualification_grant" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_qualification_grant_user" ON "qualification_grant" ("user_id", "qualification_id", "granted_at")`,
    );
    for (const column of [
      'qualification_id',
      'granted_by',
      'revoked_by',
      'evidence_id',
      'enrolment_id',
      'renews_grant_id',
    ]) {
      await queryRunner.query(
        `CREATE INDEX "ix_qualification_grant_${column}" ON "qualification_grant" ("${column}")`,
      );
    }

    // the current standing: one row per person and qualification held (not revoked); the matrix joins it
    await queryRunner.query(`
      CREATE TABLE "staff_qualification" (
        "user_id" uuid NOT NULL,
        "qualification_id" uuid NOT NULL,
        "grant_id" uuid NOT NULL,
        "granted_at" timestamptz NOT NULL,
        "expires_at" timestamptz,
        CONSTRAINT "pk_staff_qualification" PRIMARY KEY ("user_id", "qualification_id"),
        CONSTRAINT "fk_staff_qualification_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_staff_qualification_qualification" FOREIGN KEY ("qualification_id") REFERENCES "qualification" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_staff_qualification_grant" FOREIGN KEY ("grant_id") REFERENCES "qualification_grant" ("id") ON DELETE CASCADE
      )`);
    // the expiring list and the daily job walk holdings by expiry
    await queryRunner.query(
      `CREATE INDEX "ix_staff_qualification_expires" ON "staff_qualification" ("expires_at") WHERE "expires_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_qualification_qualification_id" ON "staff_qualification" ("qualification_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_qualification_grant_id" ON "staff_qualification" ("grant_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "qualification_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "qualification_id" uuid NOT NULL,
        "grant_id" uuid NOT NULL,
        "kind" "qualification_event_kind" NOT NULL,
        "at" timestamptz NOT NULL,
        "by" uuid,
        "note" text,
        CONSTRAINT "pk_qualification_event" PRIMARY KEY ("id"),
        CONSTRAINT "fk_qualification_event_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qualification_event_qualification" FOREIGN KEY ("qualification_id") REFERENCES "qualification" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_qualification_event_grant" FOREIGN KEY ("grant_id") REFERENCES "qualification_grant" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_qualification_event_by" FOREIGN KEY ("by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_qualification_event_user" ON "qualification_event" ("user_id", "qualification_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_qualification_event_qualification_id" ON "qualification_event" ("qualification_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_qualification_event_by" ON "qualification_event" ("by")`);
    // a grant enters its window and runs out once each: the daily job may run twice and stay right
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_qualification_event_once" ON "qualification_event" ("grant_id", "kind") WHERE "kind" IN ('expiring', 'expired')`,
    );
    // history is appended to, never rewritten
    await queryRunner.query(`
      CREATE FUNCTION qualification_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'qualification history is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_qualification_event_append_only" BEFORE UPDATE ON "qualification_event" FOR EACH ROW EXECUTE FUNCTION qualification_event_append_only()`,
    );

    await queryRunner.query(`
      CREATE TABLE "assignment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL,
        "target" "assignment_target" NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "position_id" uuid,
        "due_at" timestamptz NOT NULL,
        "late_joiner_days" integer NOT NULL DEFAULT 30,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "ended_at" timestamptz,
        CONSTRAINT "pk_assignment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_assignment_position" CHECK (("target" = 'position') = ("position_id" IS NOT NULL)),
        CONSTRAINT "ck_assignment_late_joiner_days" CHECK ("late_joiner_days" BETWEEN 1 AND 365),
        CONSTRAINT "fk_assignment_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_assignment_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_assignment_position" FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_assignment_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_assignment_rules" ON "assignment" ("org_unit_id") WHERE "ended_at" IS NULL AND "target" <> 'person'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assignment_org_unit_id" ON "assignment" ("org_unit_id", "created_at" DESC)`,
    );
    for (const column of ['course_id', 'position_id', 'created_by']) {
      await queryRunner.query(`CREATE INDEX "ix_assignment_${column}" ON "assignment" ("${column}")`);
    }

    await queryRunner.query(`ALTER TABLE "enrolment" ADD COLUMN "assignment_id" uuid,
      ADD CONSTRAINT "fk_enrolment_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignment" ("id") ON DELETE SET NULL`);
    await queryRunner.query(`CREATE INDEX "ix_enrolment_assignment_id" ON "enrolment" ("assignment_id")`);
    // overdue lists and reminders: open enrolments by due date
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_open_due" ON "enrolment" ("due_at") WHERE "due_at" IS NOT NULL AND "status" IN ('enrolled', 'in_progress', 'failed')`,
    );

    // Rule enrolments for the given people: released where a rule no longer reaches them (the
    // records stay, the obligation goes), created or attached where one newly does.
    await queryRunner.query(`
      CREATE FUNCTION assignment_reconcile(p_user_ids uuid[], p_fresh_assignment_id uuid DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE enrolment e SET assignment_id = NULL, due_at = NULL
          FROM assignment a
         WHERE e.assignment_id = a.id AND e.user_id = ANY(p_user_ids) AND a.target <> 'person'
           AND e.status IN ('enrolled', 'in_progress', 'failed')
           AND NOT EXISTS (
             SELECT 1 FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id, org_unit ao
              WHERE u.id = e.user_id AND ao.id = a.org_unit_id AND u.status = 'active' AND a.ended_at IS NULL
                AND (o.path = ao.path OR o.path LIKE ao.path || '.%')
                AND (a.target = 'unit' OR u.position_id = a.position_id));

        WITH reached AS (
          SELECT DISTINCT ON (u.id, a.course_id) u.id AS user_id, a.id AS assignment_id, a.course_id,
                 c.current_version_id, a.created_by,
                 -- the people a new rule reaches get its date; those who join later their own days
                 CASE WHEN a.id = p_fresh_assignment_id THEN a.due_at
                      ELSE GREATEST(a.due_at, now() + make_interval(days => a.late_joiner_days)) END AS due_at
            FROM app_user u
            JOIN org_unit o ON o.id = u.org_unit_id
            JOIN assignment a ON a.ended_at IS NULL AND a.target <> 'person'
            JOIN org_unit ao ON ao.id = a.org_unit_id
            JOIN course c ON c.id = a.course_id AND c.current_version_id IS NOT NULL
           WHERE u.id = ANY(p_user_ids) AND u.status = 'active'
             AND (o.path = ao.path OR o.path LIKE ao.path || '.%')
             AND (a.target = 'unit' OR u.position_id = a.position_id)
           ORDER BY u.id, a.course_id, a.due_at
        ), attached AS (
          UPDATE enrolment e SET assignment_id = r.assignment_id,
                 due_at = CASE WHEN e.due_at IS NULL OR r.due_at < e.due_at THEN r.due_at ELSE e.due_at END
            FROM reached r
           WHERE e.user_id = r.user_id AND e.course_id = r.course_id AND e.assignment_id IS NULL
             AND e.status IN ('enrolled', 'in_progress', 'failed')
          RETURNING e.user_id, e.course_id
        )
        INSERT INTO enrolment (user_id, course_id, course_version_id, source, assigned_by, due_at, assignment_id)
        SELECT r.user_id, r.course_id, r.current_version_id, 'rule', r.created_by,
               r.due_at,
               r.assignment_id
          FROM reached r
         WHERE NOT EXISTS (SELECT 1 FROM attached t WHERE t.user_id = r.user_id AND t.course_id = r.course_id)
        ON CONFLICT ("user_id", "course_id") WHERE "status" NOT IN ('withdrawn', 'expired') DO NOTHING;
      END $$`);
    // new people once per statement (a bulk import is one call); a change only when unit, position or status moved
    await queryRunner.query(`
      CREATE FUNCTION app_user_assignment_rules_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM assignment_reconcile(ARRAY(SELECT id FROM added));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_user_assignment_rules_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM assignment_reconcile(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "tr_app_user_assignment_rules_insert" AFTER INSERT ON "app_user"
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION app_user_assignment_rules_added()`);
    await queryRunner.query(`CREATE TRIGGER "tr_app_user_assignment_rules_update" AFTER UPDATE OF "org_unit_id", "position_id", "status" ON "app_user"
      FOR EACH ROW WHEN (OLD."org_unit_id" IS DISTINCT FROM NEW."org_unit_id" OR OLD."position_id" IS DISTINCT FROM NEW."position_id" OR OLD."status" IS DISTINCT FROM NEW."status")
      EXECUTE FUNCTION app_user_assignment_rules_changed()`);

    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "data" jsonb NOT NULL DEFAULT '{}',
        "dedupe_key" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        "mailed_at" timestamptz,
        CONSTRAINT "pk_notification" PRIMARY KEY ("id"),
        CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    // a reminder is sent once: its key (kind and record, or the day for a digest) is unique per person
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_dedupe" ON "notification" ("user_id", "dedupe_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notification_user_created" ON "notification" ("user_id", "created_at" DESC, "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notification_unread" ON "notification" ("user_id") WHERE "read_at" IS NULL`,
    );

    // the once-a-day key of the scheduled jobs: a day's run is inserted once, whoever runs it
    await queryRunner.query(`
      CREATE TABLE "job_run" (
        "job" text NOT NULL,
        "day" date NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "summary" jsonb,
        CONSTRAINT "pk_job_run" PRIMARY KEY ("job", "day")
      )`);

    // per unit (its own people, not its subtree), area and day: required qualifications and those held
    await queryRunner.query(`
      CREATE TABLE "compliance_snapshot" (
        "day" date NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "area" "thematic_area" NOT NULL,
        "required" integer NOT NULL,
        "held" integer NOT NULL,
        CONSTRAINT "pk_compliance_snapshot" PRIMARY KEY ("org_unit_id", "day", "area"),
        CONSTRAINT "fk_compliance_snapshot_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_compliance_snapshot_day" ON "compliance_snapshot" ("day")`);
    // the day's snapshot as of a moment: the daily job takes today's, the demo data its past weeks
    await queryRunner.query(`
      CREATE FUNCTION compliance_snapshot_take(p_at timestamptz) RETURNS void LANGUAGE sql AS $$
        INSERT INTO compliance_snapshot (day, org_unit_id, area, required, held)
        SELECT p_at::date, u.org_unit_id, q.area, count(*)::int,
               count(sq.user_id) FILTER (WHERE sq.granted_at <= p_at AND (sq.expires_at IS NULL OR sq.expires_at > p_at))::int
          FROM app_user u
          JOIN position_qualification pq ON pq.position_id = u.position_id
          JOIN qualification q ON q.id = pq.qualification_id
          LEFT JOIN staff_qualification sq ON sq.user_id = u.id AND sq.qualification_id = q.id
         WHERE u.status = 'active'
         GROUP BY u.org_unit_id, q.area
        ON CONFLICT (org_unit_id, day, area) DO UPDATE SET required = EXCLUDED.required, held = EXCLUDED.held
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION compliance_snapshot_take(timestamptz)`);
    await queryRunner.query(`DROP TABLE "compliance_snapshot"`);
    await queryRunner.query(`DROP TABLE "job_run"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TRIGGER "tr_app_user_assignment_rules_update" ON "app_user"`);
    await queryRunner.query(`DROP TRIGGER "tr_app_user_assignment_rules_insert" ON "app_user"`);
    await queryRunner.query(`DROP FUNCTION app_user_assignment_rules_changed()`);
    await queryRunner.query(`DROP FUNCTION app_user_assignment_rules_added()`);
    await queryRunner.query(`DROP FUNCTION assignment_reconcile(uuid[], uuid)`);
    await queryRunner.query(`DROP INDEX "ix_enrolment_open_due"`);
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "assignment_id"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP TABLE "qualification_event"`);
    await queryRunner.query(`DROP FUNCTION qualification_event_append_only()`);
    await queryRunner.query(`DROP TABLE "staff_qualification"`);
    await queryRunner.query(`DROP TABLE "qualification_grant"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "position_qualification"`);
    await queryRunner.query(`DROP TABLE "qualification_course"`);
    await queryRunner.query(`DROP TABLE "qualification"`);
    await queryRunner.query(`DROP TYPE "assignment_target"`);
    await queryRunner.query(`DROP TYPE "qualification_event_kind"`);
    await queryRunner.query(`DROP TYPE "grant_source"`);
    await queryRunner.query(`DROP TYPE "award_rule"`);
  }
}
