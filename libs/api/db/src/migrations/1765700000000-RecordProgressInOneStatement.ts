import { MigrationInterface, QueryRunner } from 'typeorm';

import { LEARNING_RECOMPUTE_STATEMENT } from './1765300000000-CreateLearningRecords';

/**
 * Recording progress in one round trip. `learning_record_progress` does in the database what a batch
 * of progress events needs: lock the enrolments in id order, check they are the caller's and that each
 * event names a lesson of its enrolment's version, insert the new events, recompute, issue the
 * certificates of completions, and answer the enrolments' state. A completion also needs what other
 * modules grant for it in the same transaction; a caller that cannot run those in this call says so,
 * and a completion then undoes the batch and answers `completionNeedsTransaction`, for the caller to
 * send it again inside a transaction of its own.
 *
 * `certificate_ref` is the one definition of a certificate's JSON for every list, and an index finds
 * an enrolment's latest event without sorting all of them.
 */
export class RecordProgressInOneStatement1765700000000 implements MigrationInterface {
  name = 'RecordProgressInOneStatement1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_progress_event_enrolment_latest"
         ON "progress_event" ("enrolment_id", LEAST("occurred_at", "received_at") DESC, "id" DESC)`,
    );

    await queryRunner.query(`
      CREATE FUNCTION "certificate_ref"(cert "certificate") RETURNS json
        LANGUAGE sql STABLE
        AS $$
          SELECT CASE WHEN cert.id IS NULL THEN NULL ELSE json_build_object(
            'id', cert.id, 'code', cert.code, 'issuedAt', cert.issued_at, 'validUntil', cert.valid_until,
            'status', CASE WHEN cert.revoked_at IS NOT NULL THEN 'revoked'
                           WHEN cert.valid_until IS NOT NULL AND cert.valid_until < now() THEN 'expired'
                           ELSE 'valid' END,
            'pdfPath', '/api/v1/certificates/' || cert.id || '/pdf',
            'verificationPath', '/verify/' || cert.code) END
        $$`);

    // the same statement in PL/pgSQL, which plans it once per connection instead of at every call
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "learning_recompute"(enrolment uuid) RETURNS void
        LANGUAGE plpgsql VOLATILE
        AS $$
        BEGIN${LEARNING_RECOMPUTE_STATEMENT};
        END
        $$`);

    // the certificate of a completed enrolment that has none yet: the holder's name in the script they
    // use, the pinned version's title, the course owner's agency and the validity the course sets
    await queryRunner.query(`
      CREATE FUNCTION "learning_issue_certificate"(enrolment uuid, new_code text) RETURNS uuid
        LANGUAGE plpgsql VOLATILE
        AS $$
        DECLARE
          issued uuid;
        BEGIN
          INSERT INTO certificate (enrolment_id, user_id, course_id, code, holder_name, course_title,
                                   issuing_org_unit_id, issued_at, valid_until)
          SELECT e.id, e.user_id, e.course_id, new_code,
                 CASE WHEN u.language = 'ru' AND COALESCE(u.full_name_cyrillic, '') <> '' THEN u.full_name_cyrillic
                      ELSE u.full_name END,
                 v.title,
                 COALESCE((SELECT a.id FROM org_unit a
                            WHERE a.kind = 'agency' AND (o.path = a.path OR o.path LIKE a.path || '.%')
                            ORDER BY length(a.path) DESC LIMIT 1), o.id),
                 e.completed_at,
                 e.completed_at + make_interval(months => c.certificate_validity_months)
            FROM enrolment e
            JOIN app_user u ON u.id = e.user_id
            JOIN course c ON c.id = e.course_id
            JOIN course_version v ON v.id = e.course_version_id
            JOIN org_unit o ON o.id = c.owner_org_unit_id
           WHERE e.id = enrolment AND e.status = 'completed'
          ON CONFLICT (enrolment_id) DO NOTHING
          RETURNING id INTO issued;
          RETURN issued;
        END
        $$`);

    // each enrolment's derived state, lesson states and certificate, in id order
    await queryRunner.query(`
      CREATE FUNCTION "learning_progress"(ids uuid[]) RETURNS json
        LANGUAGE plpgsql STABLE
        AS $$
        BEGIN
          RETURN (SELECT COALESCE(json_agg(json_build_object(
                   'enrolmentId', e.id, 'status', e.status, 'progressPercent', e.progress_percent,
                   'continueLessonId', e.continue_lesson_id, 'lastLessonId', e.last_lesson_id,
                   'completedAt', e.completed_at,
                   'lessons', (SELECT COALESCE(json_agg(json_build_object('lessonId', s.lesson_id, 'state', s.state)
                                                        ORDER BY s.ordinal), '[]')
                                 FROM learning_lesson_states(e.id) s),
                   'certificate', certificate_ref(cert)) ORDER BY e.id), '[]')
            FROM enrolment e LEFT JOIN certificate cert ON cert.enrolment_id = e.id
           WHERE e.id = ANY(ids));
        END
        $$`);

    await queryRunner.query(`
      CREATE FUNCTION "learning_apply_progress"(
          caller uuid, event_ids uuid[], enrolment_ids uuid[], lesson_ids uuid[],
          kinds progress_event_kind[], occurred timestamptz[], codes text[], may_complete boolean)
        RETURNS json
        LANGUAGE plpgsql VOLATILE
        AS $$
        DECLARE
          ids uuid[];
          missing uuid;
          wrong json;
          before json;
          inserted uuid[];
          issued uuid[] := '{}';
          completed uuid[] := '{}';
          certificate uuid;
        BEGIN
          SELECT array_agg(DISTINCT x ORDER BY x) INTO ids FROM unnest(enrolment_ids) x;
          PERFORM 1 FROM enrolment WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
          -- another person's enrolment reads as missing: nobody records for others
          SELECT x INTO missing FROM unnest(ids) x
           WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.id = x AND e.user_id = caller) LIMIT 1;
          IF missing IS NOT NULL THEN
            RETURN json_build_object('missingEnrolmentId', missing);
          END IF;
          SELECT json_agg(t.n - 1 ORDER BY t.n) INTO wrong
            FROM unnest(enrolment_ids, lesson_ids) WITH ORDINALITY t(enrolment_id, lesson_id, n)
            JOIN enrolment e ON e.id = t.enrolment_id
           WHERE NOT EXISTS (SELECT 1 FROM lesson l JOIN course_module m ON m.id = l.module_id
                              WHERE l.id = t.lesson_id AND m.version_id = e.course_version_id);
          IF wrong IS NOT NULL THEN
            RETURN json_build_object('wrongLessonIndexes', wrong);
          END IF;
          SELECT json_object_agg(e.id, e.status) INTO before FROM enrolment e WHERE e.id = ANY(ids);
          WITH added AS (
            INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at)
            SELECT * FROM unnest(event_ids, enrolment_ids, lesson_ids, kinds, occurred)
            ON CONFLICT (id) DO NOTHING
            RETURNING id)
          SELECT COALESCE(array_agg(id), '{}') INTO inserted FROM added;
          FOR i IN 1 .. cardinality(ids) LOOP
            PERFORM learning_recompute(ids[i]);
            certificate := learning_issue_certificate(ids[i], codes[i]);
            IF certificate IS NOT NULL THEN
              IF NOT may_complete THEN
                RAISE EXCEPTION 'a completion needs its listeners in the transaction' USING ERRCODE = 'BA001';
              END IF;
              issued := issued || certificate;
              completed := completed || ids[i];
            END IF;
          END LOOP;
          RETURN json_build_object('inserted', inserted, 'statusBefore', before, 'issued', issued,
                                   'completed', completed, 'progress', learning_progress(ids));
        END
        $$`);

    // without may_complete, a completion undoes the batch (the block is a subtransaction) and says so
    await queryRunner.query(`
      CREATE FUNCTION "learning_record_progress"(
          caller uuid, event_ids uuid[], enrolment_ids uuid[], lesson_ids uuid[],
          kinds progress_event_kind[], occurred timestamptz[], codes text[], may_complete boolean)
        RETURNS json
        LANGUAGE plpgsql VOLATILE
        AS $$
        BEGIN
          IF may_complete THEN
            RETURN learning_apply_progress(caller, event_ids, enrolment_ids, lesson_ids, kinds, occurred, codes, true);
          END IF;
          BEGIN
            RETURN learning_apply_progress(caller, event_ids, enrolment_ids, lesson_ids, kinds, occurred, codes, false);
          EXCEPTION WHEN SQLSTATE 'BA001' THEN
            RETURN json_build_object('completionNeedsTransaction', true);
          END;
        END
        $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION "learning_record_progress"(uuid, uuid[], uuid[], uuid[], progress_event_kind[], timestamptz[], text[], boolean)`,
    );
    await queryRunner.query(
      `DROP FUNCTION "learning_apply_progress"(uuid, uuid[], uuid[], uuid[], progress_event_kind[], timestamptz[], text[], boolean)`,
    );
    await queryRunner.query(`DROP FUNCTION "learning_progress"(uuid[])`);
    await queryRunner.query(`DROP FUNCTION "learning_issue_certificate"(uuid, text)`);
    await queryRunner.query(`DROP FUNCTION "certificate_ref"("certificate")`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "learning_recompute"(enrolment uuid) RETURNS void
        LANGUAGE sql VOLATILE
        AS $$${LEARNING_RECOMPUTE_STATEMENT}
        $$`);
    await queryRunner.query(`DROP INDEX "ix_progress_event_enrolment_latest"`);
  }
}
