import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Page,
  PositionRequirements,
  PositionRequirementsRequest,
  Qualification,
  QualificationListQuery,
  SaveQualificationRequest,
} from '@border-academy/shared-contracts';
import { segment } from '../authoring/course-client';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';
import { POSITIONS_API } from '../position-client';

export const QUALIFICATIONS_API = '/api/v1/qualifications';

/**
 * The shared catalogue of qualifications and the qualifications each position requires. HR, admins and
 * trainers read them; only an admin or HR of a whole country changes them. Pages show failures in place.
 */
@Injectable({ providedIn: 'root' })
export class QualificationClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  /** One page, sorted by the name in `query.language`. */
  list(query: QualificationListQuery = {}): Observable<Page<Qualification>> {
    return this.http.get<Page<Qualification>>(QUALIFICATIONS_API, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  get(id: string): Observable<Qualification> {
    return this.http.get<Qualification>(this.url(id), { context: this.context() });
  }

  create(request: SaveQualificationRequest): Observable<Qualification> {
    return this.http.post<Qualification>(QUALIFICATIONS_API, request, { context: this.context() });
  }

  /** Only the fields given change. */
  update(id: string, request: Partial<SaveQualificationRequest>): Observable<Qualification> {
    return this.http.patch<Qualification>(this.url(id), request, { context: this.context() });
  }

  requirements(positionId: string): Observable<PositionRequirements> {
    return this.http.get<PositionRequirements>(this.requirementsUrl(positionId), { context: this.context() });
  }

  /** Replaces the position's requirements as a whole. */
  setRequirements(
    positionId: string,
    request: PositionRequirementsRequest,
  ): Observable<PositionRequirements> {
    return this.http.put<PositionRequirements>(this.requirementsUrl(positionId), request, {
      context: this.context(),
    });
  }

  private url(id: string): string {
    return `${QUALIFICATIONS_API}/${segment(id)}`;
  }

  private requirementsUrl(positionId: string): string {
    return `${POSITIONS_API}/${segment(positionId)}/qualifications`;
  }
}
