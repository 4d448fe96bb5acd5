import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Assignment,
  AssignmentListQuery,
  CreateAssignmentRequest,
  Page,
} from '@border-academy/shared-contracts';
import { segment } from '../authoring/course-client';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';

export const ASSIGNMENTS_API = '/api/v1/assignments';

/** Courses HR assigns to people, to a unit or to a position, with a due date. Pages show failures in place. */
@Injectable({ providedIn: 'root' })
export class AssignmentClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  list(query: AssignmentListQuery = {}): Observable<Page<Assignment>> {
    return this.http.get<Page<Assignment>>(ASSIGNMENTS_API, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  create(request: CreateAssignmentRequest): Observable<Assignment> {
    return this.http.post<Assignment>(ASSIGNMENTS_API, request, { context: this.context() });
  }

  /** Ends a rule: no one else gets the course by it; the enrolments it made are kept. */
  end(id: string): Observable<void> {
    return this.http.delete<void>(`${ASSIGNMENTS_API}/${segment(id)}`, { context: this.context() });
  }
}
