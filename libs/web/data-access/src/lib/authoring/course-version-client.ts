import { HttpClient, HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Attachment,
  CourseDetail,
  CourseModule,
  CourseVersion,
  CreateLessonRequest,
  CreateModuleRequest,
  Lesson,
  RenderMarkdownResponse,
  ReorderOutlineRequest,
  UpdateCourseVersionRequest,
  UpdateLessonRequest,
  UpdateModuleRequest,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { AUTHORING_API, COURSES_API, segment } from './course-client';

const VERSIONS_API = `${AUTHORING_API}/course-versions`;

/**
 * One course version and its outline: the workflow (submit, publish, return), modules and lessons,
 * the lesson editor's preview, attachments and exchange packages. Pages show failures in place.
 */
@Injectable({ providedIn: 'root' })
export class CourseVersionClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  get(id: string): Observable<CourseVersion> {
    return this.http.get<CourseVersion>(this.version(id), { context: this.context() });
  }

  update(id: string, request: UpdateCourseVersionRequest): Observable<CourseVersion> {
    return this.http.patch<CourseVersion>(this.version(id), request, { context: this.context() });
  }

  /** The whole order at once: every module and lesson exactly once. */
  reorder(id: string, request: ReorderOutlineRequest): Observable<CourseVersion> {
    return this.http.put<CourseVersion>(`${this.version(id)}/outline`, request, { context: this.context() });
  }

  submit(id: string): Observable<CourseVersion> {
    return this.action(id, 'submit');
  }

  publish(id: string): Observable<CourseVersion> {
    return this.action(id, 'publish');
  }

  /** Sends a version in review back to its authors with the reviewer's comment. */
  return(id: string, comment: string): Observable<CourseVersion> {
    return this.http.post<CourseVersion>(
      `${this.version(id)}/return`,
      { comment },
      { context: this.context() },
    );
  }

  addModule(versionId: string, request: CreateModuleRequest): Observable<CourseModule> {
    return this.http.post<CourseModule>(`${this.version(versionId)}/modules`, request, {
      context: this.context(),
    });
  }

  updateModule(id: string, request: UpdateModuleRequest): Observable<CourseModule> {
    return this.http.patch<CourseModule>(`${AUTHORING_API}/modules/${segment(id)}`, request, {
      context: this.context(),
    });
  }

  deleteModule(id: string): Observable<void> {
    return this.http.delete<void>(`${AUTHORING_API}/modules/${segment(id)}`, { context: this.context() });
  }

  /** Appended at the end of the module. */
  addLesson(moduleId: string, request: CreateLessonRequest): Observable<Lesson> {
    return this.http.post<Lesson>(`${AUTHORING_API}/modules/${segment(moduleId)}/lessons`, request, {
      context: this.context(),
    });
  }

  lesson(id: string): Observable<Lesson> {
    return this.http.get<Lesson>(this.lessonUrl(id), { context: this.context() });
  }

  updateLesson(id: string, request: UpdateLessonRequest): Observable<Lesson> {
    return this.http.patch<Lesson>(this.lessonUrl(id), request, { context: this.context() });
  }

  deleteLesson(id: string): Observable<void> {
    return this.http.delete<void>(this.lessonUrl(id), { context: this.context() });
  }

  /** Markdown as learners will get it: sanitised HTML. */
  renderMarkdown(markdown: string): Observable<RenderMarkdownResponse> {
    return this.http.post<RenderMarkdownResponse>(
      `${AUTHORING_API}/markdown/render`,
      { markdown },
      { context: this.context() },
    );
  }

  /** Sends the file itself with its own type and reports the upload's progress, then the attachment. */
  uploadAttachment(courseId: string, file: File): Observable<HttpEvent<Attachment>> {
    return this.http.post<Attachment>(`${COURSES_API}/${segment(courseId)}/attachments`, file, {
      params: { fileName: file.name.slice(0, 255) },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      reportProgress: true,
      observe: 'events',
      context: this.context(),
    });
  }

  /** Imports an exchange package as a new course draft owned by the unit; reports the upload's progress. */
  importPackage(ownerOrgUnitId: string, file: Blob): Observable<HttpEvent<CourseDetail>> {
    return this.http.post<CourseDetail>(`${AUTHORING_API}/course-imports`, file, {
      params: { ownerOrgUnitId },
      headers: { 'Content-Type': 'application/zip' },
      reportProgress: true,
      observe: 'events',
      context: this.context(),
    });
  }

  private version(id: string): string {
    return `${VERSIONS_API}/${segment(id)}`;
  }

  private lessonUrl(id: string): string {
    return `${AUTHORING_API}/lessons/${segment(id)}`;
  }

  private action(id: string, action: 'submit' | 'publish'): Observable<CourseVersion> {
    return this.http.post<CourseVersion>(`${this.version(id)}/${action}`, null, { context: this.context() });
  }
}
