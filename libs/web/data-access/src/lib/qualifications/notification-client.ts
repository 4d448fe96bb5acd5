import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { NotificationPage } from '@border-academy/shared-contracts';
import { segment } from '../authoring/course-client';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';

export const NOTIFICATIONS_API = '/api/v1/me/notifications';

/** The signed-in person's in-app notifications; the bell shows its failures itself. */
@Injectable({ providedIn: 'root' })
export class NotificationClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  /** Newest first, with how many are unread in all. */
  page(query: { page?: number; pageSize?: number } = {}): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(NOTIFICATIONS_API, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS_API}/${segment(id)}/read`, null, {
      context: this.context(),
    });
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS_API}/read-all`, null, { context: this.context() });
  }
}
