import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statement of `learning_recompute`: derives an enrolment's columns from its records. */
export const LEARNING_RECOMPUTE_STATEMENT = `
          WITH states AS (SELECT * FROM learning_lesson_states(enrolment)),
               totals AS (
                 SELECT count(*) FILTER (WHERE required) AS required_lessons,
                        count(*) FILTER (WHERE required AND state = 'done') AS required_done,
                        count(*) FILTER (WHERE state <> 'not_started') AS touched
                   FROM states),
               next_lesson AS (
                 SELECT lesson_id FROM states WHERE state <> 'done'
                  ORDER BY (NOT required), ordinal LIMIT 1),
               last_event AS (
                 -- the device's clock tells which lesson came last, but never later than the server received it
                 SELECT p.lesson_id FROM progress_event p WHERE p.enrolment_id = enrolment
                  ORDER BY LEAST(p.occurred_at, p.received_at) DESC, p.id DESC LIMIT 1),
               attempts AS (SELECT count(*) AS any_attempt FROM quiz_attempt a WHERE a.enrolment_id = enrolment),
               -- a required quiz not passed with every allowed attempt used up
               exhausted AS (
                 SELECT EXISTS (
                          SELECT 1 FROM states s JOIN lesson l ON l.id = s.lesson_id JOIN quiz q ON q.id = l.quiz_id
                           WHERE s.required AND s.state <> 'done' AND q.attempt_limit IS NOT NULL
                             AND (SELECT count(*) FROM quiz_attempt x
                                   WHERE x.enrolment_id = enrolment AND x.quiz_id = q.id AND x.closed_at IS NOT NULL) >= q.attempt_limit
                        ) AS value),
               derived AS (
                 SELECT CASE WHEN t.required_lessons = 0 THEN (CASE WHEN t.touched > 0 THEN 100 ELSE 0 END)
                             ELSE (100 * t.required_done / t.required_lessons)::int END AS percent,
                        (t.required_done = t.required_lessons AND (t.required_lessons > 0 OR t.touched > 0)) AS complete,
                        (t.touched > 0 OR a.any_attempt > 0) AS started,
                        x.value AS exhausted
                   FROM totals t, attempts a, exhausted x)
          UPDATE enrolment e
             SET progress_percent = d.percent,
                 continue_lesson_id = COALESCE((SELECT lesson_id FROM next_lesson), (SELECT lesson_id FROM last_event)),
                 last_lesson_id = (SELECT lesson_id FROM last_event),
                 started_at = CASE WHEN d.started THEN COALESCE(e.started_at, now()) ELSE e.started_at END,
                 status = CASE
                            WHEN e.status IN ('completed', 'withdrawn', 'expired') THEN e.status
                            WHEN d.complete THEN 'completed'
                            WHEN d.exhausted THEN 'failed'
                            WHEN d.started THEN 'in_progress'
                            ELSE 'enrolled'
                          END::enrolment_status,
                 completed_at = CASE
                                  WHEN e.status IN ('completed', 'withdrawn', 'expired') THEN e.completed_at
                                  WHEN d.complete THEN now()
                                  ELSE NULL
                                END,
                 last_activity_at = now()
            FROM derived d
           WHERE e.id = enrolment`;

/**
 * Learning records: the catalogue's full-text search, enrolments pinned to a course version,
 * idempotent progress events, quiz attempts, certificates, and the course's certificate validity.
 *
 * An enrolment's lesson states, progress and status are never typed in: `learning_recompute` derives
 * them from the progress events and quiz attempts, so replays, retries and out-of-order arrivals give
 * the same result, and the stored columns are only a cache that lists read in one query.
 */
export class CreateLearningRecords1765300000000 implements MigrationInterface {
  name = 'CreateLearningRecords1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "course" ADD COLUMN "certificate_validity_months" integer,
        ADD CONSTRAINT "ck_course_certificate_validity_months"
          CHECK ("certificate_validity_months" IS NULL OR "certificate_validity_months" BETWEEN 1 AND 240)`);

    // English texts stemmed as English, Russian as Russian, and every language once more unstemmed
    // ('simple'), which also serves the national languages that PostgreSQL has no stemmer for
    await queryRunner.query(`
      ALTER TABLE "course_version" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, COALESCE("title"->>'en', '')), 'A') ||
        setweight(to_tsvector('russian'::regconfig, COALESCE("title"->>'ru', '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, content_text_search("title")), 'A') ||
        setweight(to_tsvector('english'::regconfig, COALESCE("description"->>'en', '')), 'B') ||
        setweight(to_tsvector('russian'::regconfig, COALESCE("description"->>'ru', '')), 'B') ||
        setweight(to_tsvector('simple'::regconfig, COALESCE(content_text_search("description"), '')), 'B')
      ) STORED`);
    // only published versions are searched by learners
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_search" ON "course_version" USING gin ("search_vector") WHERE "status" = 'published'`,
    );

    await queryRunner.query(`CREATE TYPE "enrolment_source" AS ENUM ('self', 'assigned', 'rule')`);
    await queryRunner.query(
      `CREATE TYPE "enrolment_status" AS ENUM ('enrolled', 'in_progress', 'completed', 'failed', 'withdrawn', 'expired')`,
    );
    await queryRunner.query(`CREATE TYPE "progress_event_kind" AS ENUM ('opened', 'done')`);

    await queryRunner.query(`
      CREATE TABLE "enrolment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "course_id" uuid NOT NULL,
        "course_version_id" uuid NOT NULL,
        "source" "enrolment_source" NOT NULL,
        "assigned_by" uuid,
        "due_at" timestamptz,
        "status" "enrolment_status" NOT NULL DEFAULT 'enrolled',
        "progress_percent" integer NOT NULL DEFAULT 0,
        "last_lesson_id" uuid,
        "continue_lesson_id" uuid,
        "enrolled_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "completed_at" timestamptz,
        "withdrawn_at" timestamptz,
        "last_activity_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enrolment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_enrolment_progress_percent" CHECK ("progress_percent" BETWEEN 0 AND 100),
        CONSTRAINT "ck_enrolment_completed_at" CHECK (("status" = 'completed') = ("completed_at" IS NOT NULL)),
        CONSTRAINT "ck_enrolment_withdrawn_at" CHECK (("status" = 'withdrawn') = ("withdrawn_at" IS NOT NULL)),
        CONSTRAINT "fk_enrolment_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_enrolment_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_enrolment_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_version" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_enrolment_assigned_by" FOREIGN KEY ("assigned_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_enrolment_last_lesson" FOREIGN KEY ("last_lesson_id") REFERENCES "lesson" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_enrolment_continue_lesson" FOREIGN KEY ("continue_lesson_id") REFERENCES "lesson" ("id") ON DELETE SET NULL
      )`);
    // one live enrolment per person and course; a withdrawn or expired one leaves room for a new one
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrolment_live" ON "enrolment" ("user_id", "course_id") WHERE "status" NOT IN ('withdrawn', 'expired')`,
    );
    // my learning: each section filters by person and status and orders by its own column
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_user_due" ON "enrolment" ("user_id", "due_at", "id") WHERE "status" IN ('enrolled', 'in_progress', 'failed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_user_activity" ON "enrolment" ("user_id", "last_activity_at" DESC, "id") WHERE "status" IN ('enrolled', 'in_progress', 'failed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_user_completed" ON "enrolment" ("user_id", "completed_at" DESC, "id") WHERE "status" = 'completed'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_enrolment_course_id" ON "enrolment" ("course_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_course_version_id" ON "enrolment" ("course_version_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_enrolment_assigned_by" ON "enrolment" ("assigned_by")`);
    await queryRunner.query(`CREATE INDEX "ix_enrolment_last_lesson_id" ON "enrolment" ("last_lesson_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_enrolment_continue_lesson_id" ON "enrolment" ("continue_lesson_id")`,
    );

    // the primary key is the id the client generated: the same event sent again is a conflict, not a row
    await queryRunner.query(`
      CREATE TABLE "progress_event" (
        "id" uuid NOT NULL,
        "enrolment_id" uuid NOT NULL,
        "lesson_id" uuid NOT NULL,
        "kind" "progress_event_kind" NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_progress_event" PRIMARY KEY ("id"),
        CONSTRAINT "fk_progress_event_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_progress_event_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lesson" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_progress_event_enrolment" ON "progress_event" ("enrolment_id", "lesson_id", "kind")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_progress_event_lesson_id" ON "progress_event" ("lesson_id")`);

    // an attempt is closed either by its submission or, after its deadline, unsubmitted with no score
    await queryRunner.query(`
      CREATE TABLE "quiz_attempt" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "enrolment_id" uuid NOT NULL,
        "quiz_id" uuid NOT NULL,
        "attempt_no" integer NOT NULL,
        "question_ids" uuid[] NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "deadline_at" timestamptz,
        "submitted_at" timestamptz,
        "closed_at" timestamptz,
        "answers" jsonb,
        "points" numeric(8,2),
        "max_points" numeric(8,2),
        "score_percent" integer,
        "passed" boolean,
        CONSTRAINT "pk_quiz_attempt" PRIMARY KEY ("id"),
        CONSTRAINT "ck_quiz_attempt_attempt_no" CHECK ("attempt_no" >= 1),
        CONSTRAINT "ck_quiz_attempt_closed" CHECK (("closed_at" IS NULL) = ("passed" IS NULL)),
        CONSTRAINT "ck_quiz_attempt_submitted" CHECK ("submitted_at" IS NULL OR "closed_at" IS NOT NULL),
        CONSTRAINT "ck_quiz_attempt_score_percent" CHECK ("score_percent" IS NULL OR "score_percent" BETWEEN 0 AND 100),
        CONSTRAINT "fk_quiz_attempt_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_quiz_attempt_quiz" FOREIGN KEY ("quiz_id") REFERENCES "quiz" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempt_number" ON "quiz_attempt" ("enrolment_id", "quiz_id", "attempt_no")`,
    );
    // at most one attempt open at a time per quiz and enrolment
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempt_open" ON "quiz_attempt" ("enrolment_id", "quiz_id") WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_quiz_attempt_quiz_id" ON "quiz_attempt" ("quiz_id")`);

    await queryRunner.query(`
      CREATE TABLE "certificate" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "enrolment_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "course_id" uuid NOT NULL,
        "code" text NOT NULL,
        "holder_name" text NOT NULL,
        "course_title" jsonb NOT NULL,
        "issuing_org_unit_id" uuid NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        "valid_until" timestamptz,
        "revoked_at" timestamptz,
        "revoked_reason" text,
        CONSTRAINT "pk_certificate" PRIMARY KEY ("id"),
        CONSTRAINT "ck_certificate_code" CHECK ("code" ~ '^[A-Z2-7]{26}$'),
        CONSTRAINT "ck_certificate_revoked" CHECK ("revoked_reason" IS NULL OR "revoked_at" IS NOT NULL),
        CONSTRAINT "fk_certificate_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_certificate_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_certificate_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_certificate_issuing_org_unit" FOREIGN KEY ("issuing_org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_enrolment" ON "certificate" ("enrolment_id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_code" ON "certificate" ("code")`);
    await queryRunner.query(`CREATE INDEX "ix_certificate_user_id" ON "certificate" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_certificate_course_id" ON "certificate" ("course_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_issuing_org_unit_id" ON "certificate" ("issuing_org_unit_id")`,
    );

    // Each lesson of the enrolment's version with its state: a quiz lesson is done when its quiz has a
    // passed attempt; another lesson is done by the course's rule (any event for 'opened', a 'done'
    // event for 'marked-done'); seen but not done is 'opened'. Rows come in outline order.
    await queryRunner.query(`
      CREATE FUNCTION "learning_lesson_states"(enrolment uuid)
        RETURNS TABLE ("lesson_id" uuid, "module_id" uuid, "required" boolean, "state" text, "ordinal" bigint)
        LANGUAGE sql STABLE
        AS $$
          SELECT l.id, l.module_id, l.required,
                 CASE
                   WHEN l.kind = 'quiz' AND EXISTS (SELECT 1 FROM quiz_attempt a
                                                     WHERE a.enrolment_id = e.id AND a.quiz_id = l.quiz_id AND a.passed)
                     THEN 'done'
                   WHEN l.kind <> 'quiz' AND c.lesson_completion = 'opened' AND EXISTS (
                          SELECT 1 FROM progress_event p WHERE p.enrolment_id = e.id AND p.lesson_id = l.id)
                     THEN 'done'
                   WHEN l.kind <> 'quiz' AND EXISTS (SELECT 1 FROM progress_event p
                                                      WHERE p.enrolment_id = e.id AND p.lesson_id = l.id AND p.kind = 'done')
                     THEN 'done'
                   WHEN EXISTS (SELECT 1 FROM progress_event p WHERE p.enrolment_id = e.id AND p.lesson_id = l.id)
                     OR (l.kind = 'quiz' AND EXISTS (SELECT 1 FROM quiz_attempt a
                                                      WHERE a.enrolment_id = e.id AND a.quiz_id = l.quiz_id))
                     THEN 'opened'
                   ELSE 'not_started'
                 END,
                 row_number() OVER (ORDER BY m.position, l.position)
            FROM enrolment e
            JOIN course c ON c.id = e.course_id
            JOIN course_module m ON m.version_id = e.course_version_id
            JOIN lesson l ON l.module_id = m.id
           WHERE e.id = enrolment
           ORDER BY m.position, l.position
        $$`);

    // Rewrites an enrolment's derived columns from its records. Completed, withdrawn and expired
    // enrolments keep their status: a completion is never taken back. The caller holds the
    // enrolment's row lock, so concurrent batches of one enrolment see each other's events.
    await queryRunner.query(`
      CREATE FUNCTION "learning_recompute"(enrolment uuid) RETURNS void
        LANGUAGE sql VOLATILE
        AS $$${LEARNING_RECOMPUTE_STATEMENT}
        $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "learning_recompute"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "learning_lesson_states"(uuid)`);
    for (const table of ['certificate', 'quiz_attempt', 'progress_event', 'enrolment']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['progress_event_kind', 'enrolment_status', 'enrolment_source']) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }
    await queryRunner.query(`DROP INDEX "ix_course_version_search"`);
    await queryRunner.query(`ALTER TABLE "course_version" DROP COLUMN "search_vector"`);
    await queryRunner.query(
      `ALTER TABLE "course" DROP CONSTRAINT "ck_course_certificate_validity_months", DROP COLUMN "certificate_validity_months"`,
    );
  }
}
