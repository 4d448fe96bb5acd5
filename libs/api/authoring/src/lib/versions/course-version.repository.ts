import { Injectable } from '@nestjs/common';
import { insertReturningId } from '@border-academy/api-platform';
import {
  ContentText,
  CourseModule,
  CourseVersion,
  CourseVersionStatus,
  LanguageCompleteness,
  QuizSummary,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/** A version as a change sees it after locking it: its state and the scope of its course. */
export interface LockedVersion {
  id: string;
  courseId: string;
  number: number;
  status: CourseVersionStatus;
  defaultLanguage: string;
  ownerPath: string;
}

/** A learner-facing text of a version, named for the author (`module 2 title`). */
export interface TextSlot {
  label: string;
  text: ContentText | null;
  /** Counted even when empty in every language. */
  required: boolean;
}

export type VersionPart = 'module' | 'lesson' | 'question' | 'quiz';

const VERSION_OF: Record<VersionPart, string> = {
  module: `SELECT version_id FROM course_module WHERE id = $1`,
  lesson: `SELECT m.version_id FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE l.id = $1`,
  question: `SELECT version_id FROM question WHERE id = $1`,
  quiz: `SELECT version_id FROM quiz WHERE id = $1`,
};

/** The questions one attempt of quiz `q` holds: its fixed questions, or the sum of its random draws. */
export const QUIZ_QUESTION_COUNT_SQL = `
  CASE WHEN q.selection->>'mode' = 'fixed'
       THEN (SELECT count(*)::int FROM quiz_question qq WHERE qq.quiz_id = q.id)
       ELSE (SELECT COALESCE(sum((d->>'count')::int), 0)::int FROM jsonb_array_elements(q.selection->'draws') d) END`;

const LOCKED_VERSION_SQL = `
  SELECT v.id, v.course_id AS "courseId", v.number, v.status, c.default_language AS "defaultLanguage",
         o.path AS "ownerPath"
    FROM course_version v JOIN course c ON c.id = v.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
   WHERE v.id = $1`;

interface VersionRow {
  id: string;
  course_id: string;
  number: number;
  status: CourseVersionStatus;
  default_language: string;
  owner_path: string;
  title: ContentText;
  description: ContentText | null;
  completeness: LanguageCompleteness;
  review_comment: string | null;
  modules: CourseModule[];
  quizzes: QuizSummary[];
}

/** All SQL about course versions: reading, locking, the workflow and copying a whole version. */
@Injectable()
export class CourseVersionRepository {
  /** The version a module, lesson, question or quiz belongs to. */
  async versionOf(manager: EntityManager, part: VersionPart, id: string): Promise<string | null> {
    const rows: { version_id: string }[] = await manager.query(VERSION_OF[part], [id]);
    return rows[0]?.version_id ?? null;
  }

  /**
   * Locks the version row until the transaction ends. Every change of a version's content takes this
   * lock first, and so does every workflow step, so a change never races a submit or a publish.
   */
  async lock(manager: EntityManager, id: string): Promise<LockedVersion | null> {
    const rows: LockedVersion[] = await manager.query(`${LOCKED_VERSION_SQL} FOR UPDATE OF v`, [id]);
    return rows[0] ?? null;
  }

  async find(manager: EntityManager, id: string): Promise<LockedVersion | null> {
    const rows: LockedVersion[] = await manager.query(LOCKED_VERSION_SQL, [id]);
    return rows[0] ?? null;
  }

  /** The content of a version, its outline in order, in one statement. */
  async findContent(
    manager: EntityManager,
    id: string,
  ): Promise<(Omit<CourseVersion, 'editable'> & { ownerPath: string }) | null> {
    const rows: VersionRow[] = await manager.query(
      `SELECT v.id, v.course_id, v.number, v.status, c.default_language, o.path AS owner_path, v.title,
              v.description, v.completeness, v.review_comment,
              COALESCE((SELECT json_agg(json_build_object(
                                 'id', m.id, 'title', m.title,
                                 'lessons', COALESCE((SELECT json_agg(json_build_object(
                                                               'id', l.id, 'moduleId', l.module_id, 'kind', l.kind,
                                                               'title', l.title, 'required', l.required)
                                                             ORDER BY l.position)
                                                        FROM lesson l WHERE l.module_id = m.id), '[]'))
                               ORDER BY m.position)
                          FROM course_module m WHERE m.version_id = v.id), '[]') AS modules,
              COALESCE((SELECT json_agg(json_build_object(
                                 'id', q.id, 'title', q.title, 'passMarkPercent', q.pass_mark_percent,
                                 'questionCount', ${QUIZ_QUESTION_COUNT_SQL})
                               ORDER BY q.created_at, q.id)
                          FROM quiz q WHERE q.version_id = v.id), '[]') AS quizzes
         FROM course_version v JOIN course c ON c.id = v.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE v.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      courseId: row.course_id,
      number: row.number,
      status: row.status,
      defaultLanguage: row.default_language,
      ownerPath: row.owner_path,
      title: row.title,
      description: row.description,
      modules: row.modules,
      quizzes: row.quizzes,
      completeness: row.completeness,
      reviewComment: row.review_comment,
    };
  }

  async insert(
    manager: EntityManager,
    version: { courseId: string; title: ContentText; description: ContentText | null; createdBy: string },
  ): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO course_version (course_id, number, title, description, created_by)
       VALUES ($1, 1, $2, $3, $4) RETURNING id`,
      [version.courseId, JSON.stringify(version.title), json(version.description), version.createdBy],
    );
  }

  async updateTexts(
    manager: EntityManager,
    id: string,
    texts: { title?: ContentText; description?: ContentText | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE course_version SET title = COALESCE($2::jsonb, title),
              description = CASE WHEN $3 THEN $4::jsonb ELSE description END, updated_at = now()
        WHERE id = $1`,
      [id, json(texts.title ?? null), texts.description !== undefined, json(texts.description ?? null)],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: CourseVersionStatus,
    by: string,
    reviewComment?: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE course_version SET status = $2::course_version_status, updated_at = now(),
              submitted_at = CASE WHEN $2::text = 'in_review' THEN now() ELSE submitted_at END,
              submitted_by = CASE WHEN $2::text = 'in_review' THEN $3::uuid ELSE submitted_by END,
              published_at = CASE WHEN $2::text = 'published' THEN now() ELSE published_at END,
              published_by = CASE WHEN $2::text = 'published' THEN $3::uuid ELSE published_by END,
              review_comment = CASE WHEN $2::text = 'draft' THEN $4::text ELSE review_comment END
        WHERE id = $1`,
      [id, status, by, reviewComment ?? null],
    );
  }

  async setCompleteness(
    manager: EntityManager,
    id: string,
    completeness: LanguageCompleteness,
  ): Promise<void> {
    await manager.query(`UPDATE course_version SET completeness = $2 WHERE id = $1`, [
      id,
      JSON.stringify(completeness),
    ]);
  }

  /** Every learner-facing text of the version, in outline order, in one statement. */
  async textSlots(manager: EntityManager, id: string): Promise<TextSlot[]> {
    return manager.query(
      `WITH lessons AS (
              SELECT l.*, m.position AS module_position FROM lesson l JOIN course_module m ON m.id = l.module_id
               WHERE m.version_id = $1),
            questions AS (
              SELECT q.*, row_number() OVER (ORDER BY q.created_at, q.id) AS number FROM question q WHERE q.version_id = $1),
            quizzes AS (
              SELECT q.*, row_number() OVER (ORDER BY q.created_at, q.id) AS number FROM quiz q WHERE q.version_id = $1)
       SELECT label, text, required FROM (
         SELECT 'title' AS label, v.title AS text, true AS required, 0 AS o1, 0 AS o2, 0 AS o3 FROM course_version v WHERE v.id = $1
         UNION ALL SELECT 'description', v.description, false, 0, 0, 1 FROM course_version v WHERE v.id = $1
         UNION ALL SELECT format('module %s title', m.position), m.title, true, 1, m.position, 0
                     FROM course_module m WHERE m.version_id = $1
         UNION ALL SELECT format('lesson %s.%s title', l.module_position, l.position), l.title, true, 1, l.module_position, l.position * 2
                     FROM lessons l
         UNION ALL SELECT format('lesson %s.%s text', l.module_position, l.position), l.body, l.kind = 'text', 1, l.module_position, l.position * 2 + 1
                     FROM lessons l WHERE l.kind = 'text' OR l.body IS NOT NULL
         UNION ALL SELECT format('quiz %s title', q.number), q.title, true, 2, q.number, 0 FROM quizzes q
         UNION ALL SELECT format('quiz %s instructions', q.number), q.instructions, false, 2, q.number, 1 FROM quizzes q
         UNION ALL SELECT format('question %s stem', q.number), q.stem, true, 3, q.number, 0 FROM questions q
         UNION ALL SELECT format('question %s option %s', q.number, o.ordinal), o.option->'text', true, 3, q.number, o.ordinal * 2
                     FROM questions q, jsonb_array_elements(q.options) WITH ORDINALITY AS o(option, ordinal)
         UNION ALL SELECT format('question %s option %s feedback', q.number, o.ordinal), NULLIF(o.option->'feedback', 'null'), false, 3, q.number, o.ordinal * 2 + 1
                     FROM questions q, jsonb_array_elements(q.options) WITH ORDINALITY AS o(option, ordinal)
         UNION ALL SELECT format('question %s feedback on a correct answer', q.number), q.feedback_correct, false, 4, q.number, 0 FROM questions q
         UNION ALL SELECT format('question %s feedback on a wrong answer', q.number), q.feedback_incorrect, false, 4, q.number, 1 FROM questions q
       ) slots ORDER BY o1, o2, o3`,
      [id],
    );
  }

  /** What keeps a version from learners besides missing texts: empty outline, missing files, unsatisfiable quizzes. */
  async structuralProblems(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { problem: string }[] = await manager.query(
      `WITH lessons AS (
              SELECT l.*, m.position AS module_position FROM lesson l JOIN course_module m ON m.id = l.module_id
               WHERE m.version_id = $1),
            quizzes AS (
              SELECT q.*, row_number() OVER (ORDER BY q.created_at, q.id) AS number FROM quiz q WHERE q.version_id = $1)
       SELECT 'the version has no lesson' AS problem WHERE NOT EXISTS (SELECT 1 FROM lessons)
       UNION ALL SELECT format('module %s has no lesson', m.position) FROM course_module m
                  WHERE m.version_id = $1 AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.module_id = m.id)
       UNION ALL SELECT format('lesson %s.%s needs %s', l.module_position, l.position,
                               CASE l.kind WHEN 'link' THEN 'its address' WHEN 'quiz' THEN 'its quiz' ELSE 'its file' END)
                   FROM lessons l
                  WHERE (l.kind = 'link' AND l.external_url IS NULL) OR (l.kind = 'quiz' AND l.quiz_id IS NULL)
                     OR (l.kind IN ('video', 'document') AND l.attachment_id IS NULL)
       UNION ALL SELECT format('quiz %s has no questions', q.number) FROM quizzes q
                  WHERE ${QUIZ_QUESTION_COUNT_SQL} = 0
       UNION ALL SELECT format('quiz %s draws %s questions tagged “%s”, but the bank has %s', q.number, d.count, d.tag, d.available)
                   FROM quizzes q,
                        LATERAL (SELECT draw->>'tag' AS tag, (draw->>'count')::int AS count,
                                        (SELECT count(*) FROM question b WHERE b.version_id = $1 AND draw->>'tag' = ANY(b.tags)) AS available
                                   FROM jsonb_array_elements(q.selection->'draws') draw) d
                  WHERE q.selection->>'mode' = 'random' AND d.count > d.available
       UNION ALL SELECT format('quiz %s draws %s questions in all, but only %s questions carry its tags', q.number, total.count, total.available)
                   FROM quizzes q,
                        LATERAL (SELECT (SELECT sum((draw->>'count')::int) FROM jsonb_array_elements(q.selection->'draws') draw) AS count,
                                        (SELECT count(*) FROM question b WHERE b.version_id = $1
                                            AND b.tags && ARRAY(SELECT draw->>'tag' FROM jsonb_array_elements(q.selection->'draws') draw)) AS available) total
                  WHERE q.selection->>'mode' = 'random' AND total.count > total.available`,
      [id],
    );
    return rows.map((row) => row.problem);
  }

  /**
   * A new draft of the course copied from a version: modules, lessons, questions and quizzes with new
   * ids, references between them remapped. Runs in the caller's transaction.
   */
  async copy(manager: EntityManager, sourceId: string, createdBy: string): Promise<string> {
    const id = await insertReturningId(
      manager,
      `INSERT INTO course_version (course_id, number, title, description, completeness, based_on_version_id, created_by)
       SELECT s.course_id, (SELECT max(number) + 1 FROM course_version n WHERE n.course_id = s.course_id),
              s.title, s.description, s.completeness, s.id, $2
         FROM course_version s WHERE s.id = $1
       RETURNING id`,
      [sourceId, createdBy],
    );
    const questions = await copyRows(
      manager,
      `SELECT id FROM question WHERE version_id = $1`,
      `INSERT INTO question (id, version_id, kind, stem, options, correct_boolean, short_answer, feedback_correct,
                             feedback_incorrect, points, tags, created_at)
       SELECT map.new_id, $2, q.kind, q.stem, q.options, q.correct_boolean, q.short_answer, q.feedback_correct,
              q.feedback_incorrect, q.points, q.tags, q.created_at
         FROM map JOIN question q ON q.id = map.old_id`,
      [sourceId, id],
    );
    const quizzes = await copyRows(
      manager,
      `SELECT id FROM quiz WHERE version_id = $1`,
      `INSERT INTO quiz (id, version_id, title, instructions, pass_mark_percent, attempt_limit, time_limit_minutes,
                         allow_review, selection, created_at)
       SELECT map.new_id, $2, q.title, q.instructions, q.pass_mark_percent, q.attempt_limit, q.time_limit_minutes,
              q.allow_review, q.selection, q.created_at
         FROM map JOIN quiz q ON q.id = map.old_id`,
      [sourceId, id],
    );
    await manager.query(
      `INSERT INTO quiz_question (quiz_id, question_id, position)
       SELECT quiz_map.new_id, question_map.new_id, qq.position
         FROM quiz_question qq
         JOIN unnest($1::uuid[], $2::uuid[]) AS quiz_map(old_id, new_id) ON quiz_map.old_id = qq.quiz_id
         JOIN unnest($3::uuid[], $4::uuid[]) AS question_map(old_id, new_id) ON question_map.old_id = qq.question_id`,
      [quizzes.old, quizzes.new, questions.old, questions.new],
    );
    const modules = await copyRows(
      manager,
      `SELECT id FROM course_module WHERE version_id = $1`,
      `INSERT INTO course_module (id, version_id, position, title)
       SELECT map.new_id, $2, m.position, m.title FROM map JOIN course_module m ON m.id = map.old_id`,
      [sourceId, id],
    );
    await manager.query(
      `INSERT INTO lesson (module_id, position, kind, title, body, required, attachment_id, external_url, quiz_id,
                           estimated_minutes)
       SELECT module_map.new_id, l.position, l.kind, l.title, l.body, l.required, l.attachment_id, l.external_url,
              quiz_map.new_id, l.estimated_minutes
         FROM lesson l
         JOIN unnest($1::uuid[], $2::uuid[]) AS module_map(old_id, new_id) ON module_map.old_id = l.module_id
         LEFT JOIN unnest($3::uuid[], $4::uuid[]) AS quiz_map(old_id, new_id) ON quiz_map.old_id = l.quiz_id`,
      [modules.old, modules.new, quizzes.old, quizzes.new],
    );
    return id;
  }
}

/**
 * Copies the rows that `select` finds for the source version ($1) under new ids into the new version
 * ($2 of `insert`, which reads the old and new ids from `map`); answers the old and new ids in pairs.
 */
async function copyRows(
  manager: EntityManager,
  select: string,
  insert: string,
  [sourceId, targetId]: [string, string],
): Promise<{ old: string[]; new: string[] }> {
  const rows: { old_id: string; new_id: string }[] = await manager.query(
    `WITH map AS MATERIALIZED (
            SELECT source.id AS old_id, gen_random_uuid() AS new_id FROM (${select}) source),
          inserted AS (${insert} RETURNING 1)
     SELECT old_id, new_id FROM map WHERE (SELECT count(*) FROM inserted) >= 0`,
    [sourceId, targetId],
  );
  return { old: rows.map((row) => row.old_id), new: rows.map((row) => row.new_id) };
}

function json(text: ContentText | null): string | null {
  return text ? JSON.stringify(text) : null;
}
