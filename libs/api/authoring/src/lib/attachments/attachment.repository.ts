import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface StoredAttachment {
  id: string;
  courseId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

const COLUMNS = `id, course_id AS "courseId", file_name AS "fileName", media_type AS "mediaType",
  size_bytes::float8 AS "sizeBytes", sha256, storage_key AS "storageKey", created_at AS "createdAt"`;

@Injectable()
export class AttachmentRepository {
  /** The path of the unit that owns the course, or null when there is no such course. */
  async courseOwnerPath(manager: EntityManager, courseId: string): Promise<string | null> {
    const rows: { path: string }[] = await manager.query(
      `SELECT o.path FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id WHERE c.id = $1`,
      [courseId],
    );
    return rows[0]?.path ?? null;
  }

  async insert(
    manager: EntityManager,
    attachment: Omit<StoredAttachment, 'id' | 'createdAt'> & { createdBy: string | null },
  ): Promise<StoredAttachment> {
    const rows: StoredAttachment[] = await manager.query(
      `INSERT INTO attachment (course_id, file_name, media_type, size_bytes, sha256, storage_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        attachment.courseId,
        attachment.fileName,
        attachment.mediaType,
        attachment.sizeBytes,
        attachment.sha256,
        attachment.storageKey,
        attachment.createdBy,
      ],
    );
    return rows[0];
  }

  async find(manager: EntityManager, id: string): Promise<StoredAttachment | null> {
    const rows: StoredAttachment[] = await manager.query(`SELECT ${COLUMNS} FROM attachment WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }
}
