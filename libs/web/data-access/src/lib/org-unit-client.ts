import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  CreateOrgUnitRequest,
  MoveOrgUnitRequest,
  OrgUnit,
  OrgUnitListQuery,
  Page,
  UpdateOrgUnitRequest,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { toHttpParams } from './http-params';

export const ORG_UNITS_API = '/api/v1/org-units';

/** The org tree: reading it, and the administration's changes. Pages and dialogs show failures in place. */
@Injectable({ providedIn: 'root' })
export class OrgUnitClient {
  private readonly http = inject(HttpClient);

  /** One page of units in tree order, with only the parameters that are set. */
  list(query: OrgUnitListQuery = {}): Observable<Page<OrgUnit>> {
    return this.http.get<Page<OrgUnit>>(ORG_UNITS_API, {
      params: toHttpParams(query),
      context: withoutErrorNotification(),
    });
  }

  /** One unit; the caller shows failures in place. */
  get(id: string): Observable<OrgUnit> {
    return this.http.get<OrgUnit>(this.url(id), { context: withoutErrorNotification() });
  }

  create(request: CreateOrgUnitRequest): Observable<OrgUnit> {
    return this.http.post<OrgUnit>(ORG_UNITS_API, request, { context: withoutErrorNotification() });
  }

  update(id: string, request: UpdateOrgUnitRequest): Observable<OrgUnit> {
    return this.http.patch<OrgUnit>(this.url(id), request, { context: withoutErrorNotification() });
  }

  move(id: string, request: MoveOrgUnitRequest): Observable<OrgUnit> {
    return this.http.post<OrgUnit>(`${this.url(id)}/move`, request, { context: withoutErrorNotification() });
  }

  /** Refused with an `OrgUnitHasActiveUsersProblem` while active people belong to the unit or below it. */
  deactivate(id: string): Observable<OrgUnit> {
    return this.http.post<OrgUnit>(`${this.url(id)}/deactivate`, null, {
      context: withoutErrorNotification(),
    });
  }

  reactivate(id: string): Observable<OrgUnit> {
    return this.http.post<OrgUnit>(`${this.url(id)}/reactivate`, null, {
      context: withoutErrorNotification(),
    });
  }

  private url(id: string): string {
    return `${ORG_UNITS_API}/${encodeURIComponent(id)}`;
  }
}
