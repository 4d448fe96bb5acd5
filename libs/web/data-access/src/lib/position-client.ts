import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  CreatePositionRequest,
  Page,
  Position,
  PositionListQuery,
  UpdatePositionRequest,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { toHttpParams } from './http-params';

export const POSITIONS_API = '/api/v1/positions';

/** The shared catalogue of positions (job profiles) and its administration. Pages show failures in place. */
@Injectable({ providedIn: 'root' })
export class PositionClient {
  private readonly http = inject(HttpClient);

  /** One page, sorted by the name in `query.language` (English when absent). */
  list(query: PositionListQuery = {}): Observable<Page<Position>> {
    return this.http.get<Page<Position>>(POSITIONS_API, {
      params: toHttpParams(query),
      context: withoutErrorNotification(),
    });
  }

  get(id: string): Observable<Position> {
    return this.http.get<Position>(this.url(id), { context: withoutErrorNotification() });
  }

  create(request: CreatePositionRequest): Observable<Position> {
    return this.http.post<Position>(POSITIONS_API, request, { context: withoutErrorNotification() });
  }

  update(id: string, request: UpdatePositionRequest): Observable<Position> {
    return this.http.patch<Position>(this.url(id), request, { context: withoutErrorNotification() });
  }

  /** Refused with a `PositionHeldProblem` while anyone holds the position. */
  delete(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id), { context: withoutErrorNotification() });
  }

  private url(id: string): string {
    return `${POSITIONS_API}/${encodeURIComponent(id)}`;
  }
}
