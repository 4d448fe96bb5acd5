import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
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
}

/** The name a saved export gets: what it is and the day it was made (`compliance-2026-03-01.xlsx`). */
export function complianceExportFileName(format: ComplianceExportFormat, day = new Date()): string {
  return `compliance-${day.toISOString().slice(0, 10)}.${format}`;
}
