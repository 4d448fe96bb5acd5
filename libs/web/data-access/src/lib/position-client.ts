import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page, Position, PositionListQuery } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';

export const POSITIONS_API = '/api/v1/positions';

/** Drops the parameters that are not set, so the URL carries only what the caller asked for. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(name, String(value));
  }
  return params;
}

/** The shared catalogue of positions (job profiles). Pages show failures in place. */
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
    return this.http.get<Position>(`${POSITIONS_API}/${encodeURIComponent(id)}`, {
      context: withoutErrorNotification(),
    });
  }
}
