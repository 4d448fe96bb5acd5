import { Injectable } from '@nestjs/common';
import { inScopeSql, insertReturningId } from '@border-academy/api-platform';
import { ContentText, LessonKind } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

export interface LessonFields {
  title: ContentText;
  required: boolean;
  body: ContentText | null;
  attachmentId: string | null;
  externalUrl: string | null;
  quizId: string | null;
  estimatedMinutes: number | null;
}

export interface LessonRecord extends LessonFields {
  id: string;
  moduleId: string;
  versionId: string;
  courseId: string;
  kind: LessonKind;
}

/** All SQL about a version's outline: its modules and lessons, in order. */
@Injectable()
export class OutlineRepository {
  async insertModule(manager: EntityManager, versionId: string, title: ContentText): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO course_module (version_id, position, title)
       SELECT $1, COALESCE(max(position), 0) + 1, $2 FROM course_module WHERE version_id = $1
       RETURNING id`,
      [versionId, JSON.stringify(title)],
    );
  }

  async updateModule(manager: EntityManager, id: string, title: ContentText): Promise<void> {
    await manager.query(`UPDATE course_module SET title = $2 WHERE id = $1`, [id, JSON.stringify(title)]);
  }

  /** Removes a module with its lessons and closes the gap it leaves in the order. */
  async deleteModule(manager: EntityManager, id: string, versionId: string): Promise<void> {
    await manager.query(`DELETE FROM course_module WHERE id = $1`, [id]);
    await manager.query(
      `UPDATE course_module m SET position = r.number
         FROM (SELECT id, row_number() OVER (ORDER BY position) AS number FROM course_module WHERE version_id = $1) r
        WHERE m.id = r.id AND m.position <> r.number`,
      [versionId],
    );
  }

  /** The version's outline as ids in order: what a reorder must mention exactly once. */
  async outlineIds(
    manager: EntityManager,
    versionId: string,
  ): Promise<{ moduleIds: string[]; lessonIds: string[] }> {
    const rows: { module_ids: string[] | null; lesson_ids: string[] | null }[] = await manager.query(
      `SELECT (SELECT array_agg(m.id ORDER BY m.position) FROM course_module m WHERE m.version_id = $1) AS module_ids,
              (SELECT array_agg(l.id) FROM lesson l JOIN course_module m ON m.id = l.module_id
                WHERE m.version_id = $1) AS lesson_ids`,
      [versionId],
    );
    return { moduleIds: rows[0]?.module_ids ?? [], lessonIds: rows[0]?.lesson_ids ?? [] };
  }

  /**
   * Writes a whole new order in two statements; the unique positions are deferrable, so each UPDATE
   * may swap them freely and is checked once at its end.
   */
  async reorder(manager: EntityManager, modules: { id: string; lessonIds: string[] }[]): Promise<void> {
    await manager.query(
      `UPDATE course_module m SET position = o.position
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE m.id = o.id AND m.position <> o.position`,
      [modules.map((module) => module.id)],
    );
    const lessons = modules.flatMap((module) =>
      module.lessonIds.map((lessonId, index) => ({ lessonId, moduleId: module.id, position: index + 1 })),
    );
    await manager.query(
      `UPDATE lesson l SET module_id = o.module_id, position = o.position
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS o(id, module_id, position)
        WHERE l.id = o.id AND (l.module_id <> o.module_id OR l.position <> o.position)`,
      [lessons.map((l) => l.lessonId), lessons.map((l) => l.moduleId), lessons.map((l) => l.position)],
    );
  }

  async insertLesson(
    manager: EntityManager,
    moduleId: string,
    kind: LessonKind,
    fields: LessonFields,
  ): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO lesson (module_id, position, kind, title, body, required, attachment_id, external_url, quiz_id,
                           estimated_minutes)
       SELECT $1, COALESCE(max(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM lesson WHERE module_id = $1
       RETURNING id`,
      [
        moduleId,
        kind,
        JSON.stringify(fields.title),
        fields.body ? JSON.stringify(fields.body) : null,
        fields.required,
        fields.attachmentId,
        fields.externalUrl,
        fields.quizId,
        fields.estimatedMinutes,
      ],
    );
  }

  async findLesson(manager: EntityManager, id: string): Promise<LessonRecord | null> {
    const rows: LessonRecord[] = await manager.query(
      `SELECT l.id, l.module_id AS "moduleId", m.version_id AS "versionId", v.course_id AS "courseId", l.kind,
              l.title, l.body, l.required, l.attachment_id AS "attachmentId", l.external_url AS "externalUrl",
              l.quiz_id AS "quizId", l.estimated_minutes AS "estimatedMinutes"
         FROM lesson l JOIN course_module m ON m.id = l.module_id JOIN course_version v ON v.id = m.version_id
        WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async updateLesson(manager: EntityManager, id: string, fields: LessonFields): Promise<void> {
    await manager.query(
      `UPDATE lesson SET title = $2, body = $3, required = $4, attachment_id = $5, external_url = $6, quiz_id = $7,
              estimated_minutes = $8
        WHERE id = $1`,
      [
        id,
        JSON.stringify(fields.title),
        fields.body ? JSON.stringify(fields.body) : null,
        fields.required,
        fields.attachmentId,
        fields.externalUrl,
        fields.quizId,
        fields.estimatedMinutes,
      ],
    );
  }

  async deleteLesson(manager: EntityManager, id: string, moduleId: string): Promise<void> {
    await manager.query(`DELETE FROM lesson WHERE id = $1`, [id]);
    await manager.query(
      `UPDATE lesson l SET position = r.number
         FROM (SELECT id, row_number() OVER (ORDER BY position) AS number FROM lesson WHERE module_id = $1) r
        WHERE l.id = r.id AND l.position <> r.number`,
      [moduleId],
    );
  }

  /** Of the given attachments, those that belong to the course. */
  async courseAttachments(manager: EntityManager, courseId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM attachment WHERE course_id = $1 AND id = ANY($2::uuid[])`,
      [courseId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Of the given attachments, those of courses owned inside the scope. */
  async attachmentsInScope(manager: EntityManager, scope: string[], ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT a.id FROM attachment a JOIN course c ON c.id = a.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE a.id = ANY($2::uuid[]) AND ${inScopeSql('o.path', '$1')}`,
      [scope, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async quizInVersion(manager: EntityManager, quizId: string, versionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM quiz WHERE id = $1 AND version_id = $2`, [
      quizId,
      versionId,
    ]);
    return rows.length > 0;
  }
}
