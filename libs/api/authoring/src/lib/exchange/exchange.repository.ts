import { Injectable } from '@nestjs/common';
import { inScopeSql } from '@border-academy/api-platform';
import {
  ContentText,
  CourseLevel,
  CourseVersionStatus,
  LessonCompletionRule,
  LessonKind,
  Question,
  Quiz,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/** A version as an export reads it, with the settings of its course. */
export interface ExportedVersion {
  id: string;
  courseId: string;
  code: string;
  number: number;
  status: CourseVersionStatus;
  ownerPath: string;
  title: ContentText;
  description: ContentText | null;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  selfEnrolment: boolean;
  lessonCompletion: LessonCompletionRule;
  competencies: string[];
}

export interface ExportedLesson {
  kind: LessonKind;
  title: ContentText;
  required: boolean;
  body: ContentText | null;
  attachmentId: string | null;
  externalUrl: string | null;
  quizId: string | null;
  estimatedMinutes: number | null;
}

export interface ExportedModule {
  title: ContentText;
  lessons: ExportedLesson[];
}

export interface ExportedAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/** Rows of an imported version, their ids chosen beforehand so that references can be written at once. */
export interface ImportedRows {
  attachments: (Omit<ExportedAttachment, 'storageKey'> & { storageKey: string })[];
  questions: (Omit<Question, 'versionId' | 'usedByQuizCount'> & { id: string })[];
  quizzes: (Omit<Quiz, 'versionId' | 'questionCount' | 'selection'> & {
    selection: Quiz['selection'];
  })[];
  modules: { id: string; title: ContentText; lessons: ExportedLesson[] }[];
}

/** The SQL of course packages: reading a whole version for export, writing an imported one. */
@Injectable()
export class ExchangeRepository {
  async findVersion(manager: EntityManager, id: string): Promise<ExportedVersion | null> {
    const rows: (Omit<ExportedVersion, 'estimatedHours'> & { estimatedHours: string })[] =
      await manager.query(
        `SELECT v.id, v.course_id AS "courseId", c.code, v.number, v.status, o.path AS "ownerPath", v.title,
              v.description, c.area, c.level, c.estimated_hours AS "estimatedHours",
              c.default_language AS "defaultLanguage", c.self_enrolment AS "selfEnrolment",
              c.lesson_completion AS "lessonCompletion",
              ARRAY(SELECT k.code FROM course_competency cc JOIN competency k ON k.id = cc.competency_id
                     WHERE cc.course_id = c.id ORDER BY k.code) AS competencies
         FROM course_version v JOIN course c ON c.id = v.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE v.id = $1`,
        [id],
      );
    const row = rows[0];
    return row ? { ...row, estimatedHours: Number(row.estimatedHours) } : null;
  }

  /** The outline in order, in one statement. */
  async modules(manager: EntityManager, versionId: string): Promise<ExportedModule[]> {
    const rows: ExportedModule[] = await manager.query(
      `SELECT m.title,
              COALESCE((SELECT json_agg(json_build_object(
                                 'kind', l.kind, 'title', l.title, 'required', l.required, 'body', l.body,
                                 'attachmentId', l.attachment_id, 'externalUrl', l.external_url,
                                 'quizId', l.quiz_id, 'estimatedMinutes', l.estimated_minutes)
                               ORDER BY l.position)
                          FROM lesson l WHERE l.module_id = m.id), '[]') AS lessons
         FROM course_module m WHERE m.version_id = $1 ORDER BY m.position`,
      [versionId],
    );
    return rows;
  }

  /** The question bank in the order the authoring screens list it. */
  async questions(
    manager: EntityManager,
    versionId: string,
  ): Promise<Omit<Question, 'versionId' | 'usedByQuizCount'>[]> {
    return manager.query(
      `SELECT q.id, q.kind, q.stem, q.options, q.correct_boolean AS "correctBoolean", q.short_answer AS "shortAnswer",
              q.feedback_correct AS "feedbackCorrect", q.feedback_incorrect AS "feedbackIncorrect", q.points, q.tags
         FROM question q WHERE q.version_id = $1 ORDER BY q.created_at, q.id`,
      [versionId],
    );
  }

  /** The quizzes in order, fixed questions in their quiz's order. */
  async quizzes(
    manager: EntityManager,
    versionId: string,
  ): Promise<Omit<Quiz, 'versionId' | 'questionCount'>[]> {
    return manager.query(
      `SELECT q.id, q.title, q.instructions, q.pass_mark_percent AS "passMarkPercent", q.attempt_limit AS "attemptLimit",
              q.time_limit_minutes AS "timeLimitMinutes", q.allow_review AS "allowReview",
              CASE WHEN q.selection->>'mode' = 'fixed'
                   THEN jsonb_build_object('mode', 'fixed', 'questionIds',
                          COALESCE((SELECT jsonb_agg(qq.question_id ORDER BY qq.position) FROM quiz_question qq
                                     WHERE qq.quiz_id = q.id), '[]'))
                   ELSE q.selection END AS selection
         FROM quiz q WHERE q.version_id = $1 ORDER BY q.created_at, q.id`,
      [versionId],
    );
  }

  /**
   * The attachments a version shows: its lessons' files (of its own course) and the images its
   * Markdown names, as far as they belong to courses in the caller's reading scope.
   */
  async attachments(
    manager: EntityManager,
    courseId: string,
    ids: string[],
    scope: string[] | null,
  ): Promise<ExportedAttachment[]> {
    if (ids.length === 0) return [];
    const rows: (Omit<ExportedAttachment, 'sizeBytes'> & { sizeBytes: string })[] = await manager.query(
      `SELECT a.id, a.file_name AS "fileName", a.media_type AS "mediaType", a.size_bytes AS "sizeBytes", a.sha256,
              a.storage_key AS "storageKey"
         FROM attachment a JOIN course c ON c.id = a.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE a.id = ANY($1::uuid[]) AND (a.course_id = $2 OR $3::text[] IS NULL OR ${inScopeSql('o.path', '$3')})
        ORDER BY a.sha256, a.file_name, a.id`,
      [ids, courseId, scope],
    );
    return rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) }));
  }

  /** The code itself when free, else the first free `code-2`, `code-3`, … */
  async freeCode(manager: EntityManager, code: string): Promise<string> {
    const rows: { code: string }[] = await manager.query(
      `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM course WHERE code = $1) THEN $1
                   ELSE (SELECT $1 || '-' || n FROM generate_series(2, 10000) n
                          WHERE NOT EXISTS (SELECT 1 FROM course WHERE code = $1 || '-' || n) ORDER BY n LIMIT 1) END AS code`,
      [code],
    );
    return rows[0]?.code ?? `${code}-${Date.now()}`;
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM course WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async competencyIds(manager: EntityManager, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM competency WHERE code = ANY($1::text[]) ORDER BY code`,
      [codes],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Writes the content of an imported draft, one statement per table. Questions and quizzes keep the
   * package's order through their creation times, which the bank and the quiz list sort by.
   */
  async insertContent(
    manager: EntityManager,
    courseId: string,
    versionId: string,
    createdBy: string,
    rows: ImportedRows,
  ): Promise<void> {
    if (rows.attachments.length > 0) {
      await manager.query(
        `INSERT INTO attachment (id, course_id, file_name, media_type, size_bytes, sha256, storage_key, created_by)
         SELECT a.id, $2, a."fileName", a."mediaType", a."sizeBytes", a.sha256, a."storageKey", $3
           FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, "fileName" text, "mediaType" text, "sizeBytes" bigint,
                                                   sha256 text, "storageKey" text)`,
        [JSON.stringify(rows.attachments), courseId, createdBy],
      );
    }
    if (rows.questions.length > 0) {
      await manager.query(
        `INSERT INTO question (id, version_id, kind, stem, options, correct_boolean, short_answer, feedback_correct,
                               feedback_incorrect, points, tags, created_at)
         SELECT (q.value->>'id')::uuid, $2, (q.value->>'kind')::question_kind, q.value->'stem', q.value->'options',
                (q.value->>'correctBoolean')::boolean, NULLIF(q.value->'shortAnswer', 'null'),
                NULLIF(q.value->'feedbackCorrect', 'null'), NULLIF(q.value->'feedbackIncorrect', 'null'),
                (q.value->>'points')::int, ARRAY(SELECT jsonb_array_elements_text(q.value->'tags')),
                now() + q.ordinality * interval '1 microsecond'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS q(value, ordinality)`,
        [JSON.stringify(rows.questions), versionId],
      );
    }
    if (rows.quizzes.length > 0) {
      await manager.query(
        `INSERT INTO quiz (id, version_id, title, instructions, pass_mark_percent, attempt_limit, time_limit_minutes,
                           allow_review, selection, created_at)
         SELECT (q.value->>'id')::uuid, $2, q.value->'title', NULLIF(q.value->'instructions', 'null'),
                (q.value->>'passMarkPercent')::int, (q.value->>'attemptLimit')::int,
                (q.value->>'timeLimitMinutes')::int, (q.value->>'allowReview')::boolean,
                CASE WHEN q.value->'selection'->>'mode' = 'fixed' THEN '{"mode":"fixed"}'::jsonb
                     ELSE q.value->'selection' END,
                now() + q.ordinality * interval '1 microsecond'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS q(value, ordinality)`,
        [JSON.stringify(rows.quizzes), versionId],
      );
      await manager.query(
        `INSERT INTO quiz_question (quiz_id, question_id, position)
         SELECT (q.value->>'id')::uuid, f.question_id::uuid, f.position
           FROM jsonb_array_elements($1::jsonb) AS q(value),
                jsonb_array_elements_text(q.value->'selection'->'questionIds') WITH ORDINALITY AS f(question_id, position)
          WHERE q.value->'selection'->>'mode' = 'fixed'`,
        [JSON.stringify(rows.quizzes)],
      );
    }
    if (rows.modules.length > 0) {
      await manager.query(
        `INSERT INTO course_module (id, version_id, position, title)
         SELECT (m.value->>'id')::uuid, $2, m.ordinality, m.value->'title'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS m(value, ordinality)`,
        [JSON.stringify(rows.modules.map(({ id, title }) => ({ id, title }))), versionId],
      );
      await manager.query(
        `INSERT INTO lesson (module_id, position, kind, title, body, required, attachment_id, external_url, quiz_id,
                             estimated_minutes)
         SELECT (m.value->>'id')::uuid, l.ordinality, (l.value->>'kind')::lesson_kind, l.value->'title',
                NULLIF(l.value->'body', 'null'), (l.value->>'required')::boolean, (l.value->>'attachmentId')::uuid,
                l.value->>'externalUrl', (l.value->>'quizId')::uuid, (l.value->>'estimatedMinutes')::int
           FROM jsonb_array_elements($1::jsonb) AS m(value),
                jsonb_array_elements(m.value->'lessons') WITH ORDINALITY AS l(value, ordinality)`,
        [JSON.stringify(rows.modules)],
      );
    }
  }
}
