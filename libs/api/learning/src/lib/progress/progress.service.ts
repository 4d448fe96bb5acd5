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
   * derived state does not depend on the order they arrive in. All or nothing, in one statement; a
   * batch that completes an enrolment is undone and runs again inside a transaction, with what the
   * completion listeners grant.
   */
  async record(
    access: AccessContext,
    request: RecordProgressEventsRequest,
  ): Promise<RecordProgressEventsResponse> {
    const response = await this.recordWith(this.dataSource.manager, access, request, false);
    return (
      response ??
      this.dataSource.transaction(async (manager) => {
        const completed = await this.recordWith(manager, access, request, true);
        if (!completed) throw new Error('learning_record_progress asked for the transaction it ran in');
        return completed;
      })
    );
  }

  private async recordWith(
    manager: EntityManager,
    access: AccessContext,
    request: RecordProgressEventsRequest,
    mayComplete: boolean,
  ): Promise<RecordProgressEventsResponse | null> {
    const events = request.events;
    const recorded = await this.enrolments.recordProgress(
      manager,
      access.principal.userId,
      events,
      mayComplete,
    );
    if (recorded.completionNeedsTransaction) return null;
    if (recorded.missingEnrolmentId !== undefined) {
      throw new LearningRecordNotFoundError('enrolment', recorded.missingEnrolmentId);
    }
    if (recorded.wrongLessonIndexes !== undefined) {
      throw new ValidationProblemException(
        recorded.wrongLessonIndexes.map((index) => ({
          field: `events.${index}.lessonId`,
          message: 'lessonId must be a lesson of the course version the enrolment is on',
          code: 'lessonOfEnrolment',
        })),
      );
    }
    if (mayComplete) await this.completionListeners.notify(manager, recorded.completed);
    const inserted = new Set(recorded.inserted);
    const seen = new Set<string>();
    const results = events.map((event) => {
      let outcome: ProgressEventOutcome =
        inserted.has(event.id) && !seen.has(event.id) ? 'recorded' : 'duplicate';
      seen.add(event.id);
      const status = recorded.statusBefore[event.enrolmentId];
      if (outcome === 'recorded' && (status === 'withdrawn' || status === 'expired')) outcome = 'ignored';
      return { id: event.id, outcome };
    });
    const issued = recorded.progress
      .map((row) => row.certificate)
      .filter(
        (certificate): certificate is CertificateRef =>
          !!certificate && recorded.issued.includes(certificate.id),
      );
    return { results, enrolments: recorded.progress, issuedCertificates: issued };
  }
}
