import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AuditEvent, AuditEventListQuery, Page } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { toHttpParams } from './http-params';

/** The audit trail about people in the caller's scope, newest first; the page shows failures in place. */
@Injectable({ providedIn: 'root' })
export class AuditClient {
  private readonly http = inject(HttpClient);

  list(query: AuditEventListQuery = {}): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>('/api/v1/audit-events', {
      params: toHttpParams(query),
      context: withoutErrorNotification(),
    });
  }
}
