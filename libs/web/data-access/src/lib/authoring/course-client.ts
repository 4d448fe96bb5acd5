import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AuthorCandidate,
  AuthorCandidateQuery,
  Competency,
  CompetencyListQuery,
  ContentLanguage,
  CourseDetail,
  CourseListQuery,
  CourseSummary,
  CreateCourseRequest,
  Page,
  ReviewQueueItem,
  UpdateCourseRequest,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';

export const AUTHORING_API = '/api/v1';
export const COURSES_API = `${AUTHORING_API}/courses`;

/** A path segment from an id, safe whatever the id holds. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/**
 * Courses as trainers and reviewers see them: the list of their scope, settings, archiving, new drafts,
 * the review queue and the reference data of the forms. Pages show failures in place.
 */
@Injectable({ providedIn: 'root' })
export class CourseClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  list(query: CourseListQuery = {}): Observable<Page<CourseSummary>> {
    return this.http.get<Page<CourseSummary>>(COURSES_API, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  get(id: string): Observable<CourseDetail> {
    return this.http.get<CourseDetail>(`${COURSES_API}/${segment(id)}`, { context: this.context() });
  }

  /** People who may be named authors of the course. */
  authorCandidates(courseId: string, query: AuthorCandidateQuery = {}): Observable<Page<AuthorCandidate>> {
    return this.http.get<Page<AuthorCandidate>>(`${COURSES_API}/${segment(courseId)}/author-candidates`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  /** Creates the course and its first draft (version 1). */
  create(request: CreateCourseRequest): Observable<CourseDetail> {
    return this.http.post<CourseDetail>(COURSES_API, request, { context: this.context() });
  }

  update(id: string, request: UpdateCourseRequest): Observable<CourseDetail> {
    return this.http.patch<CourseDetail>(`${COURSES_API}/${segment(id)}`, request, {
      context: this.context(),
    });
  }

  /** Hides the course from the catalogue (`archived`) or shows it again. */
  setArchived(id: string, archived: boolean): Observable<CourseDetail> {
    const action = archived ? 'archive' : 'restore';
    return this.http.post<CourseDetail>(`${COURSES_API}/${segment(id)}/${action}`, null, {
      context: this.context(),
    });
  }

  /** A new draft copied from the published version; the course answers with it as `workingVersionId`. */
  startDraft(id: string): Observable<CourseDetail> {
    return this.http.post<CourseDetail>(`${COURSES_API}/${segment(id)}/drafts`, null, {
      context: this.context(),
    });
  }

  /** Versions awaiting review inside the caller's review scope, oldest first. */
  reviewQueue(query: { page?: number; pageSize?: number } = {}): Observable<Page<ReviewQueueItem>> {
    return this.http.get<Page<ReviewQueueItem>>(`${AUTHORING_API}/course-reviews`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  contentLanguages(): Observable<ContentLanguage[]> {
    return this.http.get<ContentLanguage[]>(`${AUTHORING_API}/content-languages`, {
      context: this.context(),
    });
  }

  competencies(query: CompetencyListQuery = {}): Observable<Page<Competency>> {
    return this.http.get<Page<Competency>>(`${AUTHORING_API}/competencies`, {
      params: toHttpParams(query),
      context: this.context(),
    });
  }

  /** The version's exchange package (a ZIP) for download. */
  exportPackage(versionId: string): Observable<Blob> {
    return this.http.get(`${AUTHORING_API}/course-versions/${segment(versionId)}/export`, {
      responseType: 'blob',
      context: this.context(),
    });
  }
}
