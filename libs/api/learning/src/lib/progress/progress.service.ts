import { Injectable } from '@nestjs/common';
import { AccessContext, ValidationProblemException } from '@border-academy/api-platform';
import {
  CertificateRef,
  EnrolmentProgress,
  ProgressEventOutcome,
  RecordProgressEventsRequest,
  RecordProgressEventsResponse,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { EnrolmentCompletionListeners } from '../completion-listeners';
import { EnrolmentRepository } from '../enrolments/enrolment.repository';
import { LearningRecordNotFoundError } from '../learning.errors';

/** An enrolment's state after a change, and the certificate the change issued, if any. */
export interface Settled {
  progress: EnrolmentProgress[];
  issued: CertificateRef[];
}

/**
 * Progress events, and the one way any record of an enrolment turns into its state: recompute it
 * from the records and issue the certificate of a completion, inside the transaction of the write.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly completionListeners: EnrolmentCompletionListeners,
  ) {}

  /**
   * Recomputes the enrolments (whose rows the caller has locked) and issues the certificates their
   * completion calls for, in the caller's transaction: a completion is never seen without its certificate
   * nor without what other modules grant for it.
   */
  async settle(manager: EntityManager, enrolmentIds: string[]): Promise<Settled> {
    const issuedIds: string[] = [];
    const completedIds: string[] = [];
    for (const id of enrolmentIds) {
      await this.enrolments.recompute(manager, id);
      // a certificate is issued exactly once, at the completion: that is the moment to announce
      const issued = await this.enrolments.issueCertificate(manager, id);
      if (issued) {
        issuedIds.push(issued);
        completedIds.push(id);
      }
    }
    await this.completionListeners.notify(manager, completedIds);
    const progress = await this.enrolments.progress(manager, enrolmentIds);
    const issued = progress
      .map((row) => row.certificate)
      .filter(
        (certificate): certificate is CertificateRef => !!certificate && issuedIds.includes(certificate.id),
      );
    return { progress, issued };
  }

  /**
   * Records a batch of the caller's events exactly once each: the client's id is the primary key and
   * the insert skips ids already there, so retries, replays and concurrent copies count once, and the
   * derived state does not depend on the order they arrive in. One transaction: all or nothing.
   */
  async record(
    access: AccessContext,
    request: RecordProgressEventsRequest,
  ): Promise<RecordProgressEventsResponse> {
    const events = request.events;
    const enrolmentIds = [...new Set(events.map((event) => event.enrolmentId))].sort();
    return this.dataSource.transaction(async (manager) => {
      const records = await this.enrolments.findRecords(manager, enrolmentIds, true);
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const id of enrolmentIds) {
        // another person's enrolment reads as missing, even to those who may read it: nobody records for others
        if (byId.get(id)?.userId !== access.principal.userId) {
          throw new LearningRecordNotFoundError('enrolment', id);
        }
      }
      const lessonVersions = await this.enrolments.lessonVersions(
        manager,
        events.map((event) => event.lessonId),
      );
      const wrong = events.flatMap((event, index) =>
        lessonVersions.get(event.lessonId) === byId.get(event.enrolmentId)?.courseVersionId
          ? []
          : [
              {
                field: `events.${index}.lessonId`,
                message: 'lessonId must be a lesson of the course version the enrolment is on',
                code: 'lessonOfEnrolment',
              },
            ],
      );
      if (wrong.length > 0) throw new ValidationProblemException(wrong);

      const inserted = await this.enrolments.insertEvents(manager, events);
      const seen = new Set<string>();
      const results = events.map((event) => {
        let outcome: ProgressEventOutcome =
          inserted.has(event.id) && !seen.has(event.id) ? 'recorded' : 'duplicate';
        seen.add(event.id);
        const status = byId.get(event.enrolmentId)?.status;
        if (outcome === 'recorded' && (status === 'withdrawn' || status === 'expired')) outcome = 'ignored';
        return { id: event.id, outcome };
      });
      const { progress, issued } = await this.settle(manager, enrolmentIds);
      return { results, enrolments: progress, issuedCertificates: issued };
    });
  }
}
