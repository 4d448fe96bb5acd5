import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext } from '@border-academy/api-platform';
import {
  CourseVersion,
  DEFAULT_PAGE_SIZE,
  Page,
  ReviewQueueItem,
  UpdateCourseVersionRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import {
  CourseContentNotFoundError,
  CourseVersionIncompleteError,
  CourseWorkflowConflictError,
} from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { coursePermissions } from '../course-access';
import { CourseRepository } from '../courses/course.repository';
import { missingTexts } from './completeness';
import { CourseVersionRepository, LockedVersion } from './course-version.repository';
import { DraftEditor } from './draft-editor';
import { ReviewQueueRepository } from './review-queue.repository';

/** A version's content and its workflow: draft → in review → published, or back to draft with a comment. */
@Injectable()
export class CourseVersionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: CourseVersionRepository,
    private readonly courses: CourseRepository,
    private readonly reviews: ReviewQueueRepository,
    private readonly languages: ContentLanguageRepository,
    private readonly drafts: DraftEditor,
    private readonly audit: AuditService,
  ) {}

  async get(access: AccessContext, id: string): Promise<CourseVersion> {
    await this.drafts.readable(access, { version: id });
    const version = await this.versions.findContent(this.dataSource.manager, id);
    if (!version) throw new CourseContentNotFoundError('course version', id);
    const { ownerPath, ...content } = version;
    const editable = version.status === 'draft' && coursePermissions(access.principal, ownerPath).canEdit;
    return { ...content, editable };
  }

  async update(
    access: AccessContext,
    id: string,
    request: UpdateCourseVersionRequest,
  ): Promise<CourseVersion> {
    await this.drafts.change(access, { version: id }, async (manager, version) => {
      const check = await this.languages.check();
      const title =
        request.title === undefined ? undefined : check.text('title', request.title, version.defaultLanguage);
      const description = check.optional('description', request.description);
      check.done();
      await this.versions.updateTexts(manager, id, { title: title ?? undefined, description });
    });
    return this.get(access, id);
  }

  /**
   * Sends a draft to review. It must be complete in the course's default language and playable: every
   * module has lessons, every lesson its file, link or quiz, every quiz enough questions to draw.
   */
  async submit(access: AccessContext, id: string, ip: string | null): Promise<CourseVersion> {
    await this.dataSource.transaction(async (manager) => {
      const version = await this.drafts.lockInScope(manager, access, { version: id }, 'course:write');
      this.expect(version, 'draft', 'Only a draft can be submitted for review');
      const missing = [
        ...(await this.versions.structuralProblems(manager, id)),
        ...missingTexts(await this.versions.textSlots(manager, id), version.defaultLanguage),
      ];
      if (missing.length > 0) throw new CourseVersionIncompleteError(missing);
      await this.versions.setStatus(manager, id, 'in_review', access.principal.userId);
      await this.courses.touch(manager, version.courseId);
      await this.record(manager, access, ip, 'course-version.submit', version, {});
    });
    return this.get(access, id);
  }

  /** Publishes a version in review: learners get it from now on, and it never changes again. */
  async publish(access: AccessContext, id: string, ip: string | null): Promise<CourseVersion> {
    await this.dataSource.transaction(async (manager) => {
      const version = await this.drafts.lockInScope(manager, access, { version: id }, 'course:review');
      this.expect(version, 'in_review', 'Only a version in review can be published');
      const course = await this.courses.lock(manager, version.courseId);
      await this.versions.setStatus(manager, id, 'published', access.principal.userId);
      await this.courses.setVersions(manager, version.courseId, {
        currentVersionId: id,
        workingVersionId: null,
      });
      await this.record(manager, access, ip, 'course-version.publish', version, {
        before: { currentVersionId: course?.currentVersionId ?? null },
        after: { currentVersionId: id },
      });
    });
    return this.get(access, id);
  }

  /** Sends a version in review back to its authors as a draft, with the reviewer's comment. */
  async return(
    access: AccessContext,
    id: string,
    comment: string,
    ip: string | null,
  ): Promise<CourseVersion> {
    await this.dataSource.transaction(async (manager) => {
      const version = await this.drafts.lockInScope(manager, access, { version: id }, 'course:review');
      this.expect(version, 'in_review', 'Only a version in review can be returned');
      await this.versions.setStatus(manager, id, 'draft', access.principal.userId, comment.trim());
      await this.courses.touch(manager, version.courseId);
      await this.record(manager, access, ip, 'course-version.return', version, { comment: comment.trim() });
    });
    return this.get(access, id);
  }

  async reviewQueue(
    access: AccessContext,
    query: { page?: number; pageSize?: number },
  ): Promise<Page<ReviewQueueItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.reviews.findPage(
      this.dataSource.manager,
      access.scope ?? [],
      page,
      pageSize,
    );
    return { items, total, page, pageSize };
  }

  private expect(version: LockedVersion, status: LockedVersion['status'], message: string): void {
    if (version.status !== status)
      throw new CourseWorkflowConflictError(`${message}; this one is ${version.status}`);
  }

  private record(
    manager: EntityManager,
    access: AccessContext,
    ip: string | null,
    action: string,
    version: LockedVersion,
    summary: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: access.principal.userId,
      action,
      targetType: 'course-version',
      targetId: version.id,
      ip,
      summary: { courseId: version.courseId, number: version.number, ...summary },
    });
  }
}
