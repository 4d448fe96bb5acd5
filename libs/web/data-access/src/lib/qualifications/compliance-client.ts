import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, filter, map } from 'rxjs';
import {
  ComplianceExportFormat,
  ComplianceMatrix,
  ComplianceQuery,
  ComplianceSummary,
  ComplianceTrendPoint,
  ComplianceTrendQuery,
  ExpiringQualification,
  ExpiringQuery,
  OverdueAssignment,
  OverdueQuery,
  Page,
  TrainingRecordsQuery,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';

export const COMPLIANCE_API = '/api/v1/compliance';

/**
 * The HR compliance view over the caller's HR scope: the matrix of people × required qualifications, its
 * counts, its trend, the lists of what expires and what is overdue, and the matrix as a file. A `unitId`
 * outside the scope is refused (400). Pages show failures in place.
 */
@Injectable({ providedIn: 'root' })
export class ComplianceClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  matrix(query: ComplianceQuery = {}): Observable<ComplianceMatrix> {
    return this.http.get<ComplianceMatrix>(`${COMPLIANCE_API}/matrix`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  /** Counts per child unit and per area, for the matrix's filters. */
  summary(query: ComplianceQuery = {}): Observable<ComplianceSummary> {
    return this.http.get<ComplianceSummary>(`${COMPLIANCE_API}/summary`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  trend(query: ComplianceTrendQuery = {}): Observable<ComplianceTrendPoint[]> {
    return this.http.get<ComplianceTrendPoint[]>(`${COMPLIANCE_API}/trend`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  expiring(query: ExpiringQuery = {}): Observable<Page<ExpiringQualification>> {
    return this.http.get<Page<ExpiringQualification>>(`${COMPLIANCE_API}/expiring`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  overdue(query: OverdueQuery = {}): Observable<Page<OverdueAssignment>> {
    return this.http.get<Page<OverdueAssignment>>(`${COMPLIANCE_API}/overdue`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  /** Every row of the filtered matrix (all pages, in its order) as a file; the API audits the export. */
  export(format: ComplianceExportFormat, query: ComplianceQuery = {}): Observable<Blob> {
    return this.http.get(`${COMPLIANCE_API}/export`, {
      params: toHttpParams({ ...query, page: undefined, pageSize: undefined, format }),
      responseType: 'blob',
      context: this.context(),
    });
  }

  /**
   * One row per enrolment of the people of the scope, as CSV streamed by the API (it may be a million
   * rows): the bytes received as they arrive, then the file. The API audits the export.
   */
  trainingRecords(query: TrainingRecordsQuery = {}): Observable<DownloadProgress> {
    return this.http
      .get(`${COMPLIANCE_API}/training-records/export`, {
        params: toHttpParams({ ...query }),
        responseType: 'blob',
        observe: 'events',
        reportProgress: true,
        context: this.context(),
      })
      .pipe(
        filter(
          (event) => event.type === HttpEventType.DownloadProgress || event.type === HttpEventType.Response,
        ),
        map((event): DownloadProgress => {
          if (event.type === HttpEventType.Response) {
            const file = event.body ?? new Blob([]);
            return { received: file.size, file };
          }
          return { received: event.type === HttpEventType.DownloadProgress ? event.loaded : 0 };
        }),
      );
  }
}

/** The name a saved training records export gets (`training-records-2026-03-01.csv`). */
export function trainingRecordsFileName(day = new Date()): string {
  return `training-records-${day.toISOString().slice(0, 10)}.csv`;
}

/** A streamed download as it goes: the bytes received so far, then the whole file. */
export type DownloadProgress = { received: number; file?: undefined } | { received: number; file: Blob };

/** The name a saved export gets: what it is and the day it was made (`compliance-2026-03-01.xlsx`). */
export function complianceExportFileName(format: ComplianceExportFormat, day = new Date()): string {
  return `compliance-${day.toISOString().slice(0, 10)}.${format}`;
}
