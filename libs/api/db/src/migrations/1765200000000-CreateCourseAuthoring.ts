import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course authoring: the content languages, the competency framework, courses with their settings,
 * versions (draft → in review → published), modules, lessons, the question bank, quizzes and the
 * attachments of a course; and the `reviewer` role that publishes versions.
 *
 * Migrations run in a transaction each (`migrationsTransactionMode: 'each'`). PostgreSQL 12 and later
 * accept `ALTER TYPE … ADD VALUE` inside a transaction as long as the new value is not used before the
 * commit; nothing here uses `reviewer`, and grants of it are written by later transactions only.
 */
export class CreateCourseAuthoring1765200000000 implements MigrationInterface {
  name = 'CreateCourseAuthoring1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "role" ADD VALUE IF NOT EXISTS 'reviewer' AFTER 'trainer'`);

    await queryRunner.query(`CREATE TYPE "thematic_area" AS ENUM ('IBM', 'MIGRATION', 'TRADE')`);
    await queryRunner.query(`CREATE TYPE "course_level" AS ENUM ('basic', 'intermediate', 'advanced')`);
    await queryRunner.query(
      `CREATE TYPE "course_version_status" AS ENUM ('draft', 'in_review', 'published')`,
    );
    await queryRunner.query(`CREATE TYPE "lesson_completion_rule" AS ENUM ('opened', 'marked-done')`);
    await queryRunner.query(
      `CREATE TYPE "lesson_kind" AS ENUM ('text', 'video', 'document', 'link', 'quiz')`,
    );
    await queryRunner.query(
      `CREATE TYPE "question_kind" AS ENUM ('single-choice', 'multiple-choice', 'true-false', 'short-answer')`,
    );

    // the texts of a ContentText in one string, for trigram search over every language; truly
    // immutable (it reads only its argument), so expression indexes may use it
    await queryRunner.query(`
      CREATE FUNCTION "content_text_search"(text jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT lower(COALESCE(string_agg(value, ' '), '')) FROM jsonb_each_text(text) $$`);

    await queryRunner.query(`
      CREATE TABLE "content_language" (
        "code" text NOT NULL,
        "native_name" text NOT NULL,
        "position" integer NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        CONSTRAINT "pk_content_language" PRIMARY KEY ("code"),
        CONSTRAINT "ck_content_language_code" CHECK ("code" ~ '^[a-z]{2}$')
      )`);
    await queryRunner.query(
      `INSERT INTO "content_language" ("code", "native_name", "position") VALUES ('en', 'English', 1), ('ru', 'Русский', 2)`,
    );

    await queryRunner.query(`
      CREATE TABLE "competency" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "title" jsonb NOT NULL,
        "area" "thematic_area" NOT NULL,
        "level" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_competency" PRIMARY KEY ("id"),
        CONSTRAINT "ck_competency_code" CHECK ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT "ck_competency_level" CHECK ("level" BETWEEN 1 AND 4),
        CONSTRAINT "ck_competency_title_en" CHECK (jsonb_typeof("title") = 'object' AND "title" ? 'en')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_competency_code" ON "competency" ("code")`);
    await queryRunner.query(`CREATE INDEX "ix_competency_area" ON "competency" ("area", "code")`);
    await queryRunner.query(
      `CREATE INDEX "ix_competency_search_trgm" ON "competency" USING gin ("code" gin_trgm_ops, content_text_search("title") gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE "course" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "area" "thematic_area" NOT NULL,
        "level" "course_level" NOT NULL,
        "estimated_hours" numeric(5,1) NOT NULL,
        "default_language" text NOT NULL,
        "owner_org_unit_id" uuid NOT NULL,
        "self_enrolment" boolean NOT NULL DEFAULT false,
        "lesson_completion" "lesson_completion_rule" NOT NULL DEFAULT 'opened',
        "archived_at" timestamptz,
        "current_version_id" uuid,
        "working_version_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_course" PRIMARY KEY ("id"),
        CONSTRAINT "ck_course_code" CHECK ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT "ck_course_estimated_hours" CHECK ("estimated_hours" > 0),
        CONSTRAINT "fk_course_default_language" FOREIGN KEY ("default_language") REFERENCES "content_language" ("code") ON DELETE RESTRICT,
        CONSTRAINT "fk_course_owner_org_unit" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_course_code" ON "course" ("code")`);
    await queryRunner.query(`CREATE INDEX "ix_course_owner_org_unit_id" ON "course" ("owner_org_unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_course_updated_at" ON "course" ("updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_course_code_trgm" ON "course" USING gin ("code" gin_trgm_ops)`);
    // the catalogue reads published, not archived courses by area and level
    await queryRunner.query(
      `CREATE INDEX "ix_course_catalogue" ON "course" ("area", "level") WHERE "archived_at" IS NULL AND "current_version_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "course_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "status" "course_version_status" NOT NULL DEFAULT 'draft',
        "title" jsonb NOT NULL,
        "description" jsonb,
        "completeness" jsonb NOT NULL DEFAULT '{}',
        "review_comment" text,
        "based_on_version_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        "submitted_at" timestamptz,
        "submitted_by" uuid,
        "published_at" timestamptz,
        "published_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_course_version" PRIMARY KEY ("id"),
        CONSTRAINT "ck_course_version_number" CHECK ("number" >= 1),
        CONSTRAINT "ck_course_version_title" CHECK (jsonb_typeof("title") = 'object'),
        CONSTRAINT "fk_course_version_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_course_version_based_on" FOREIGN KEY ("based_on_version_id") REFERENCES "course_version" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_course_version_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_course_version_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "app_user" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_course_version_published_by" FOREIGN KEY ("published_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_version_course_number" ON "course_version" ("course_id", "number")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_based_on" ON "course_version" ("based_on_version_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_course_version_created_by" ON "course_version" ("created_by")`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_submitted_by" ON "course_version" ("submitted_by")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_published_by" ON "course_version" ("published_by")`,
    );
    // the review queue: versions in review, oldest submission first
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_in_review" ON "course_version" ("submitted_at", "id") WHERE "status" = 'in_review'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_version_title_trgm" ON "course_version" USING gin (content_text_search("title") gin_trgm_ops)`,
    );
    await queryRunner.query(`
      ALTER TABLE "course"
        ADD CONSTRAINT "fk_course_current_version" FOREIGN KEY ("current_version_id") REFERENCES "course_version" ("id") ON DELETE SET NULL,
        ADD CONSTRAINT "fk_course_working_version" FOREIGN KEY ("working_version_id") REFERENCES "course_version" ("id") ON DELETE SET NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_current_version" ON "course" ("current_version_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_working_version" ON "course" ("working_version_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "course_audience" (
        "course_id" uuid NOT NULL,
        "org_unit_id" uuid NOT NULL,
        CONSTRAINT "pk_course_audience" PRIMARY KEY ("course_id", "org_unit_id"),
        CONSTRAINT "fk_course_audience_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_course_audience_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_audience_org_unit_id" ON "course_audience" ("org_unit_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "course_author" (
        "course_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "pk_course_author" PRIMARY KEY ("course_id", "user_id"),
        CONSTRAINT "fk_course_author_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_course_author_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_course_author_user_id" ON "course_author" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "course_competency" (
        "course_id" uuid NOT NULL,
        "competency_id" uuid NOT NULL,
        CONSTRAINT "pk_course_competency" PRIMARY KEY ("course_id", "competency_id"),
        CONSTRAINT "fk_course_competency_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_course_competency_competency" FOREIGN KEY ("competency_id") REFERENCES "competency" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_competency_competency_id" ON "course_competency" ("competency_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "course_prerequisite" (
        "course_id" uuid NOT NULL,
        "prerequisite_course_id" uuid NOT NULL,
        CONSTRAINT "pk_course_prerequisite" PRIMARY KEY ("course_id", "prerequisite_course_id"),
        CONSTRAINT "ck_course_prerequisite_not_itself" CHECK ("course_id" <> "prerequisite_course_id"),
        CONSTRAINT "fk_course_prerequisite_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_course_prerequisite_prerequisite" FOREIGN KEY ("prerequisite_course_id") REFERENCES "course" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_prerequisite_prerequisite" ON "course_prerequisite" ("prerequisite_course_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL,
        "file_name" text NOT NULL,
        "media_type" text NOT NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" text NOT NULL,
        "storage_key" text NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_attachment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_attachment_size_bytes" CHECK ("size_bytes" >= 0),
        CONSTRAINT "ck_attachment_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "fk_attachment_course" FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_attachment_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_attachment_course_id" ON "attachment" ("course_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attachment_created_by" ON "attachment" ("created_by")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attachment_storage_key" ON "attachment" ("storage_key")`,
    );

    // positions are unique per parent but deferred, so one UPDATE can renumber a whole outline
    await queryRunner.query(`
      CREATE TABLE "course_module" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "title" jsonb NOT NULL,
        CONSTRAINT "pk_course_module" PRIMARY KEY ("id"),
        CONSTRAINT "fk_course_module_version" FOREIGN KEY ("version_id") REFERENCES "course_version" ("id") ON DELETE CASCADE,
        CONSTRAINT "uq_course_module_position" UNIQUE ("version_id", "position") DEFERRABLE INITIALLY IMMEDIATE
      )`);

    await queryRunner.query(`
      CREATE TABLE "question" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version_id" uuid NOT NULL,
        "kind" "question_kind" NOT NULL,
        "stem" jsonb NOT NULL,
        "options" jsonb NOT NULL DEFAULT '[]',
        "correct_boolean" boolean,
        "short_answer" jsonb,
        "feedback_correct" jsonb,
        "feedback_incorrect" jsonb,
        "points" integer NOT NULL DEFAULT 1,
        "tags" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_question" PRIMARY KEY ("id"),
        CONSTRAINT "ck_question_points" CHECK ("points" BETWEEN 0 AND 1000),
        CONSTRAINT "fk_question_version" FOREIGN KEY ("version_id") REFERENCES "course_version" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_question_version_id" ON "question" ("version_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_question_tags" ON "question" USING gin ("tags")`);
    await queryRunner.query(
      `CREATE INDEX "ix_question_stem_trgm" ON "question" USING gin (content_text_search("stem") gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE "quiz" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version_id" uuid NOT NULL,
        "title" jsonb NOT NULL,
        "instructions" jsonb,
        "pass_mark_percent" integer NOT NULL,
        "attempt_limit" integer,
        "time_limit_minutes" integer,
        "allow_review" boolean NOT NULL DEFAULT true,
        "selection" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_quiz" PRIMARY KEY ("id"),
        CONSTRAINT "ck_quiz_pass_mark_percent" CHECK ("pass_mark_percent" BETWEEN 0 AND 100),
        CONSTRAINT "ck_quiz_attempt_limit" CHECK ("attempt_limit" IS NULL OR "attempt_limit" >= 1),
        CONSTRAINT "ck_quiz_time_limit_minutes" CHECK ("time_limit_minutes" IS NULL OR "time_limit_minutes" >= 1),
        CONSTRAINT "fk_quiz_version" FOREIGN KEY ("version_id") REFERENCES "course_version" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_quiz_version_id" ON "quiz" ("version_id", "created_at", "id")`);
    // the fixed questions of a quiz, so that a question in use cannot be deleted under it
    await queryRunner.query(`
      CREATE TABLE "quiz_question" (
        "quiz_id" uuid NOT NULL,
        "question_id" uuid NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "pk_quiz_question" PRIMARY KEY ("quiz_id", "question_id"),
        CONSTRAINT "fk_quiz_question_quiz" FOREIGN KEY ("quiz_id") REFERENCES "quiz" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_quiz_question_question" FOREIGN KEY ("question_id") REFERENCES "question" ("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_quiz_question_question_id" ON "quiz_question" ("question_id")`);

    await queryRunner.query(`
      CREATE TABLE "lesson" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "module_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "kind" "lesson_kind" NOT NULL,
        "title" jsonb NOT NULL,
        "body" jsonb,
        "required" boolean NOT NULL DEFAULT true,
        "attachment_id" uuid,
        "external_url" text,
        "quiz_id" uuid,
        "estimated_minutes" integer,
        CONSTRAINT "pk_lesson" PRIMARY KEY ("id"),
        CONSTRAINT "ck_lesson_estimated_minutes" CHECK ("estimated_minutes" IS NULL OR "estimated_minutes" >= 1),
        CONSTRAINT "fk_lesson_module" FOREIGN KEY ("module_id") REFERENCES "course_module" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_lesson_attachment" FOREIGN KEY ("attachment_id") REFERENCES "attachment" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_lesson_quiz" FOREIGN KEY ("quiz_id") REFERENCES "quiz" ("id") ON DELETE RESTRICT,
        CONSTRAINT "uq_lesson_position" UNIQUE ("module_id", "position") DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_lesson_attachment_id" ON "lesson" ("attachment_id")`);
    await queryRunner.query(`CREATE INDEX "ix_lesson_quiz_id" ON "lesson" ("quiz_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'lesson',
      'quiz_question',
      'quiz',
      'question',
      'course_module',
      'attachment',
      'course_prerequisite',
      'course_competency',
      'course_author',
      'course_audience',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(
      `ALTER TABLE "course" DROP CONSTRAINT "fk_course_current_version", DROP CONSTRAINT "fk_course_working_version"`,
    );
    for (const table of ['course_version', 'course', 'competency', 'content_language']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "content_text_search"(jsonb)`);
    for (const type of [
      'question_kind',
      'lesson_kind',
      'lesson_completion_rule',
      'course_version_status',
      'course_level',
      'thematic_area',
    ]) {
      await queryRunner.query(`DROP TYPE "${type}"`);
    }

    // PostgreSQL cannot drop an enum value: the type is rebuilt without it. The reviewer grants go
    // with the role, as no other role holds their meaning.
    await queryRunner.query(`DELETE FROM "role_grant" WHERE "role" = 'reviewer'`);
    await queryRunner.query(`ALTER TYPE "role" RENAME TO "role_with_reviewer"`);
    await queryRunner.query(`CREATE TYPE "role" AS ENUM ('learner', 'trainer', 'hr', 'admin')`);
    await queryRunner.query(
      `ALTER TABLE "role_grant" ALTER COLUMN "role" TYPE "role" USING "role"::text::"role"`,
    );
    await queryRunner.query(`DROP TYPE "role_with_reviewer"`);
  }
}
