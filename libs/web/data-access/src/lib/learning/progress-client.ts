import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ProgressEventInput, RecordProgressEventsResponse } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { LEARNING_API } from './enrolment-client';

/** Sends progress events; the queue that calls it keeps failures and retries, so nobody is told of each one. */
@Injectable({ providedIn: 'root' })
export class ProgressClient {
  private readonly http = inject(HttpClient);

  record(events: ProgressEventInput[]): Observable<RecordProgressEventsResponse> {
    return this.http.post<RecordProgressEventsResponse>(
      `${LEARNING_API}/progress-events`,
      { events },
      { context: withoutErrorNotification() },
    );
  }
}
