import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, of, tap, throwError } from 'rxjs';
import {
  EnrolmentDetail,
  EnrolmentSummary,
  LearnerCourse,
  LearnerLesson,
  MyEnrolmentsQuery,
  MyLearning,
  Page,
} from '@border-academy/shared-contracts';
import { ApiError } from '../api-error';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';
import { segment } from '../authoring/course-client';

export const LEARNING_API = '/api/v1';

/**
 * The learner's side of courses: the course page, enrolling and withdrawing, my learning, an enrolment's
 * outline and its lessons. Pages show failures in place.
 *
 * Enrolments and lessons once read are kept for the life of the page, so that a lesson opened (or
 * fetched ahead) stays readable when the network drops; the service worker keeps them across reloads.
 */
@Injectable({ providedIn: 'root' })
export class EnrolmentClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;
  private readonly readOffline = new Map<string, unknown>();

  course(courseId: string): Observable<LearnerCourse> {
    return this.http.get<LearnerCourse>(`${LEARNING_API}/catalogue/courses/${segment(courseId)}`, {
      context: this.context(),
    });
  }

  /** Self-enrolment on the current published version; 409 when closed or already enrolled. */
  enrol(courseId: string): Observable<EnrolmentSummary> {
    return this.http.post<EnrolmentSummary>(
      `${LEARNING_API}/catalogue/courses/${segment(courseId)}/enrolments`,
      {},
      { context: this.context() },
    );
  }

  withdraw(enrolmentId: string): Observable<EnrolmentSummary> {
    return this.http.post<EnrolmentSummary>(
      `${LEARNING_API}/enrolments/${segment(enrolmentId)}/withdrawal`,
      null,
      { context: this.context() },
    );
  }

  /** The first page of each section of my learning. */
  myLearning(pageSize?: number): Observable<MyLearning> {
    return this.http.get<MyLearning>(`${LEARNING_API}/me/learning`, {
      params: toHttpParams({ pageSize }),
      context: this.context(),
    });
  }

  /** Further pages of one section. */
  myEnrolments(query: MyEnrolmentsQuery): Observable<Page<EnrolmentSummary>> {
    return this.http.get<Page<EnrolmentSummary>>(`${LEARNING_API}/me/enrolments`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  enrolment(enrolmentId: string): Observable<EnrolmentDetail> {
    return this.readKeepingCopy<EnrolmentDetail>(`${LEARNING_API}/enrolments/${segment(enrolmentId)}`);
  }

  lesson(enrolmentId: string, lessonId: string): Observable<LearnerLesson> {
    return this.readKeepingCopy<LearnerLesson>(
      `${LEARNING_API}/enrolments/${segment(enrolmentId)}/lessons/${segment(lessonId)}`,
    );
  }

  /** Reads a lesson ahead of the learner, so that the next one opens even after the network is gone. */
  prefetchLesson(enrolmentId: string, lessonId: string): void {
    this.lesson(enrolmentId, lessonId)
      .pipe(catchError(() => of(null)))
      .subscribe();
  }

  /** A GET whose last answer stands in when the server cannot be reached (status 0), never for a refusal. */
  private readKeepingCopy<T>(url: string): Observable<T> {
    return this.http.get<T>(url, { context: this.context() }).pipe(
      tap((answer) => this.readOffline.set(url, answer)),
      catchError((failure: unknown) =>
        failure instanceof ApiError && failure.unreachable && this.readOffline.has(url)
          ? of(this.readOffline.get(url) as T)
          : throwError(() => failure),
      ),
    );
  }
}
