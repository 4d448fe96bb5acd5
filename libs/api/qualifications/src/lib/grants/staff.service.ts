import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import {
  AttachmentStorage,
  cleanFileName,
  covers,
  receiveUpload,
  storageKeyOf,
} from '@border-academy/api-authoring';
import { AccessContext, ApiConfig, ValidationProblemException } from '@border-academy/api-platform';
import { EvidenceRef, StaffQualification, StaffRecord } from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '../clock';
import { STANDING_SQL } from '../standing';
import { EvidenceTypeRefusedError, QualificationRecordNotFoundError } from '../qualifications.errors';

/** Each qualification the person needs or has ever held, with its full history, newest first. */
const QUALIFICATIONS_SQL = `
  SELECT json_build_object('id', q.id, 'code', q.code, 'name', q.name, 'area', q.area) AS qualification,
         ${STANDING_SQL} AS status,
         EXISTS (SELECT 1 FROM position_qualification pq WHERE pq.position_id = u.position_id AND pq.qualification_id = q.id) AS required,
         sq.granted_at AS "grantedAt", sq.expires_at AS "expiresAt",
         COALESCE((SELECT json_agg(json_build_object(
                     'id', ev.id, 'kind', ev.kind, 'at', ev.at,
                     'by', (SELECT json_build_object('id', b.id, 'fullName', b.full_name) FROM app_user b WHERE b.id = ev.by),
                     'source', CASE WHEN ev.kind IN ('granted', 'renewed') THEN g.source END,
                     'expiresAt', CASE WHEN ev.kind IN ('granted', 'renewed') THEN g.expires_at END,
                     'note', ev.note,
                     'evidence', CASE WHEN ev.kind IN ('granted', 'renewed') AND f.id IS NOT NULL THEN
                        json_build_object('id', f.id, 'fileName', f.file_name, 'mediaType', f.media_type, 'size', f.size_bytes) END)
                   ORDER BY ev.at DESC, ev.id)
                     FROM qualification_event ev
                     JOIN qualification_grant g ON g.id = ev.grant_id
                     LEFT JOIN evidence f ON f.id = g.evidence_id
                    WHERE ev.user_id = u.id AND ev.qualification_id = q.id), '[]'::json) AS history
    FROM app_user u
    JOIN qualification q ON q.id IN (
           SELECT pq.qualification_id FROM position_qualification pq WHERE pq.position_id = u.position_id
           UNION SELECT g.qualification_id FROM qualification_grant g WHERE g.user_id = u.id)
    LEFT JOIN staff_qualification sq ON sq.user_id = u.id AND sq.qualification_id = q.id
   WHERE u.id = $1`;

/** People as HR sees them: inside the scope or not at all, their standing and their files of evidence. */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditService,
    private readonly config: ApiConfig,
  ) {}

  /** The person, if inside the route's scope; otherwise not found, so their existence stays hidden. */
  async requirePerson(manager: EntityManager, access: AccessContext, userId: string): Promise<void> {
    const rows: { path: string }[] = await manager.query(
      `SELECT o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
      [userId],
    );
    if (!rows[0] || !covers(access.scope, rows[0].path))
      throw new QualificationRecordNotFoundError('person', userId);
  }

  async record(access: AccessContext, userId: string): Promise<StaffRecord> {
    const manager = this.dataSource.manager;
    await this.requirePerson(manager, access, userId);
    const rows: StaffRecord[] = await manager.query(
      `SELECT json_build_object(
                'id', u.id, 'fullName', u.full_name, 'login', u.login, 'email', u.email,
                'orgUnit', json_build_object('id', o.id, 'name', o.name),
                'position', (SELECT json_build_object('id', p.id, 'code', p.code, 'name', p.name) FROM position p WHERE p.id = u.position_id)
              ) AS person,
              COALESCE((SELECT json_agg(x ORDER BY (x.qualification->>'code')) FROM (${QUALIFICATIONS_SQL}) x), '[]'::json) AS qualifications,
              COALESCE((SELECT json_agg(json_build_object(
                  'id', e.id,
                  'course', json_build_object('id', c.id, 'code', c.code, 'title', v.title),
                  'status', e.status, 'source', e.source, 'progressPercent', e.progress_percent,
                  'enrolledAt', e.enrolled_at, 'dueAt', e.due_at, 'completedAt', e.completed_at,
                  'overdue', e.due_at IS NOT NULL AND e.due_at < $2::timestamptz AND e.status IN ('enrolled', 'in_progress', 'failed'),
                  'certificate', (SELECT json_build_object(
                      'id', ct.id, 'code', ct.code, 'issuedAt', ct.issued_at, 'validUntil', ct.valid_until,
                      'status', CASE WHEN ct.valid_until IS NOT NULL AND ct.valid_until < $2::timestamptz THEN 'expired' ELSE 'valid' END,
                      'pdfPath', '/api/v1/certificates/' || ct.id || '/pdf', 'verifyPath', '/verify/' || ct.code)
                    FROM certificate ct WHERE ct.enrolment_id = e.id))
                ORDER BY e.enrolled_at DESC, e.id)
                FROM enrolment e JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.course_version_id
               WHERE e.user_id = u.id), '[]'::json) AS enrolments
         FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE u.id = $1`,
      [userId, this.clock.now()],
    );
    const record = rows[0];
    if (!record) throw new QualificationRecordNotFoundError('person', userId);
    return record;
  }

  async standingOf(
    manager: EntityManager,
    userId: string,
    qualificationId: string,
  ): Promise<StaffQualification> {
    const rows: StaffQualification[] = await manager.query(
      `SELECT * FROM (${QUALIFICATIONS_SQL}) x WHERE (x.qualification->>'id')::uuid = $3`,
      [userId, this.clock.now(), qualificationId],
    );
    if (!rows[0]) throw new QualificationRecordNotFoundError('qualification', qualificationId);
    return rows[0];
  }

  /** An evidence file the caller uploaded, or one on a grant of a person in their scope. */
  async requireEvidence(
    manager: EntityManager,
    access: AccessContext,
    evidenceId: string,
    field?: string,
  ): Promise<{ fileName: string; mediaType: string; size: number; storageKey: string }> {
    const rows: {
      fileName: string;
      mediaType: string;
      size: number;
      storageKey: string;
      mine: boolean;
      paths: string[];
    }[] = await manager.query(
      `SELECT f.file_name AS "fileName", f.media_type AS "mediaType", f.size_bytes::int AS size, f.storage_key AS "storageKey",
                f.uploaded_by = $2 AS mine,
                ARRAY(SELECT o.path FROM qualification_grant g JOIN app_user u ON u.id = g.user_id
                        JOIN org_unit o ON o.id = u.org_unit_id WHERE g.evidence_id = f.id) AS paths
           FROM evidence f WHERE f.id = $1`,
      [evidenceId, access.principal.userId],
    );
    const row = rows[0];
    const allowed = !!row && (row.mine || row.paths.some((path) => covers(access.scope, path)));
    if (!allowed) {
      if (field) {
        throw new ValidationProblemException([
          { field, message: 'Upload the evidence file first; this one is not yours', code: 'exists' },
        ]);
      }
      throw new QualificationRecordNotFoundError('evidence file', evidenceId);
    }
    return row;
  }

  async uploadEvidence(
    access: AccessContext,
    request: { body: Readable | Buffer; contentType: string; fileName: string | null; ip: string | null },
  ): Promise<EvidenceRef> {
    if (
      request.contentType.startsWith('video/') ||
      !(Buffer.isBuffer(request.body) || request.body instanceof Readable)
    ) {
      throw new EvidenceTypeRefusedError();
    }
    const file = await receiveUpload(
      request.body,
      request.contentType,
      join(resolve(this.config.DATA_DIR), 'tmp'),
    );
    if (file.mediaType.startsWith('video/')) {
      await rm(file.path, { force: true });
      throw new EvidenceTypeRefusedError();
    }
    const storageKey = storageKeyOf(file.sha256);
    if (await this.storage.has(storageKey)) await rm(file.path, { force: true });
    else await this.storage.putFile(storageKey, file.path, file.mediaType);
    return this.dataSource.transaction(async (manager) => {
      const fileName = cleanFileName(request.fileName, file.mediaType);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO evidence (file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_by_path)
         SELECT $1, $2, $3, $4, $5, u.id, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $6
         RETURNING id`,
        [fileName, file.mediaType, file.sizeBytes, file.sha256, storageKey, access.principal.userId],
      );
      const id = rows[0]?.id as string;
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'qualification.evidence.upload',
        targetType: 'evidence',
        targetId: id,
        ip: request.ip,
        summary: { fileName, sizeBytes: file.sizeBytes },
      });
      return { id, fileName, mediaType: file.mediaType, size: file.sizeBytes };
    });
  }

  async evidenceContent(access: AccessContext, evidenceId: string) {
    const evidence = await this.requireEvidence(this.dataSource.manager, access, evidenceId);
    try {
      return { ...evidence, body: await this.storage.read(evidence.storageKey) };
    } catch (error) {
      // a row whose content is gone (a store restored without its files): missing, not a server fault
      const code = (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name;
      if (code === 'ENOENT' || code === 'NoSuchKey')
        throw new QualificationRecordNotFoundError('stored evidence file', evidenceId);
      throw error;
    }
  }
}
