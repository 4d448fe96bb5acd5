import { HttpClient, HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  EvidenceRef,
  ManualGrantRequest,
  RevokeQualificationRequest,
  StaffQualification,
  StaffRecord,
} from '@border-academy/shared-contracts';
import { segment } from '../authoring/course-client';
import { withoutErrorNotification } from '../error-notification';

export const STAFF_API = '/api/v1/staff';
export const EVIDENCE_API = '/api/v1/evidence';

/**
 * One person as HR of their unit sees them: qualifications with their history, enrolments and
 * certificates; HR's manual grants (with evidence) and revocations. Pages show failures in place; a
 * person outside the caller's HR scope is not found (404).
 */
@Injectable({ providedIn: 'root' })
export class StaffClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  record(userId: string): Observable<StaffRecord> {
    return this.http.get<StaffRecord>(`${STAFF_API}/${segment(userId)}`, { context: this.context() });
  }

  grant(
    userId: string,
    qualificationId: string,
    request: ManualGrantRequest,
  ): Observable<StaffQualification> {
    return this.http.post<StaffQualification>(
      `${this.qualification(userId, qualificationId)}/grants`,
      request,
      {
        context: this.context(),
      },
    );
  }

  revoke(
    userId: string,
    qualificationId: string,
    request: RevokeQualificationRequest,
  ): Observable<StaffQualification> {
    return this.http.post<StaffQualification>(
      `${this.qualification(userId, qualificationId)}/revocation`,
      request,
      { context: this.context() },
    );
  }

  /** Sends the file itself with its own type and reports the upload's progress, then the evidence. */
  uploadEvidence(file: File): Observable<HttpEvent<EvidenceRef>> {
    return this.http.post<EvidenceRef>(EVIDENCE_API, file, {
      params: { fileName: file.name.slice(0, 255) },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      reportProgress: true,
      observe: 'events',
      context: this.context(),
    });
  }

  /** The evidence file as a blob to save; a link could not carry the token. */
  evidence(evidence: Pick<EvidenceRef, 'id'>): Observable<Blob> {
    return this.http.get(`${EVIDENCE_API}/${segment(evidence.id)}`, {
      responseType: 'blob',
      context: this.context(),
    });
  }

  private qualification(userId: string, qualificationId: string): string {
    return `${STAFF_API}/${segment(userId)}/qualifications/${segment(qualificationId)}`;
  }
}
