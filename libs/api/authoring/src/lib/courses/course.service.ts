import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import {
  AccessContext,
  ValidationProblemException,
  changedFields,
  violates,
} from '@border-academy/api-platform';
import {
  CourseDetail,
  CourseListQuery,
  CourseSummary,
  CreateCourseRequest,
  AuthorCandidate,
  AuthorCandidateQuery,
  DEFAULT_PAGE_SIZE,
  Page,
  UpdateCourseRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import {
  CourseActionForbiddenError,
  CourseCodeTakenError,
  CourseNotFoundError,
  CourseWorkflowConflictError,
} from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { coursePermissions, covers, requireOnCourse } from '../course-access';
import { CourseVersionRepository } from '../versions/course-version.repository';
import { DraftEditor } from '../versions/draft-editor';
import { CourseRecord, CourseRepository } from './course.repository';

const LINK_FIELDS = {
  audience: 'audienceOrgUnitIds',
  authors: 'authorIds',
  competencies: 'competencyIds',
  prerequisites: 'prerequisiteCourseIds',
} as const;

/** Courses: their settings (not versioned), archiving, and starting a new draft from the published version. */
@Injectable()
export class CourseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CourseRepository,
    private readonly versions: CourseVersionRepository,
    private readonly languages: ContentLanguageRepository,
    private readonly drafts: DraftEditor,
    private readonly audit: AuditService,
  ) {}

  async list(access: AccessContext, query: CourseListQuery): Promise<Page<CourseSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.courses.findPage(this.dataSource.manager, {
      scope: access.scope ?? [],
      userId: access.principal.userId,
      q: q ? q : undefined,
      area: query.area,
      status: query.status,
      incompleteLanguage: query.incompleteLanguage,
      mine: query.mine ?? false,
      sort: query.sort ?? 'title',
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }

  /** Who may be named an author of the course, for those who may change its settings. */
  async authorCandidates(
    access: AccessContext,
    courseId: string,
    query: AuthorCandidateQuery,
  ): Promise<Page<AuthorCandidate>> {
    const ownerPath = await this.courses.ownerPath(this.dataSource.manager, courseId);
    if (ownerPath === null) throw new CourseNotFoundError(courseId);
    requireOnCourse(access.principal, ownerPath, 'course:write', {
      notFound: () => new CourseNotFoundError(courseId),
      forbidden: () => new CourseActionForbiddenError('choose the authors of this course'),
    });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { rows, total } = await this.courses.findAuthorCandidates(
      this.dataSource.manager,
      ownerPath,
      { q: q ? q : undefined, id: query.id },
      page,
      pageSize,
    );
    return { items: rows, total, page, pageSize };
  }

  async get(access: AccessContext, id: string): Promise<CourseDetail> {
    const course = await this.courses.findDetail(this.dataSource.manager, id);
    if (!course || !covers(access.scope, course.ownerPath)) throw new CourseNotFoundError(id);
    const { ownerPath, ...detail } = course;
    const { canEdit, canReview } = coursePermissions(access.principal, ownerPath);
    return { ...detail, permissions: { canEdit, canReview } };
  }

  /** The course and its first draft (version 1), owned by a unit inside the caller's authoring scope. */
  async create(
    access: AccessContext,
    request: CreateCourseRequest,
    ip: string | null,
  ): Promise<CourseDetail> {
    const check = await this.languages.check();
    if (!(await this.languages.codes()).includes(request.defaultLanguage)) {
      check.fail('defaultLanguage', `${request.defaultLanguage} is not a content language`, 'language');
    }
    const title = check.text('title', request.title, request.defaultLanguage);
    const description = check.optional('description', request.description);
    check.done();
    const id = await this.writing(request.code, async (manager) => {
      const ownerPath = await this.courses.orgUnitPath(manager, request.ownerOrgUnitId);
      if (!ownerPath || !covers(access.scope, ownerPath)) {
        throw new ValidationProblemException([
          {
            field: 'ownerOrgUnitId',
            message: 'Choose an active unit inside your authoring scope',
            code: 'scope',
          },
        ]);
      }
      const courseId = await this.courses.insert(manager, {
        code: request.code,
        area: request.area,
        level: request.level,
        estimatedHours: request.estimatedHours,
        defaultLanguage: request.defaultLanguage,
        ownerOrgUnitId: request.ownerOrgUnitId,
        selfEnrolment: false,
        lessonCompletion: 'opened',
      });
      const versionId = await this.versions.insert(manager, {
        courseId,
        title: title ?? {},
        description: description ?? null,
        createdBy: access.principal.userId,
      });
      await this.courses.setVersions(manager, courseId, { workingVersionId: versionId });
      await this.courses.replaceLinks(manager, courseId, 'authors', [access.principal.userId]);
      await this.drafts.recompute(manager, versionId);
      await this.record(manager, access, ip, 'course.create', courseId, {
        after: { code: request.code, ownerOrgUnitId: request.ownerOrgUnitId, title },
      });
      return courseId;
    });
    return this.get(access, id);
  }

  async update(
    access: AccessContext,
    id: string,
    request: UpdateCourseRequest,
    ip: string | null,
  ): Promise<CourseDetail> {
    if (request.defaultLanguage && !(await this.languages.codes()).includes(request.defaultLanguage)) {
      throw new ValidationProblemException([
        {
          field: 'defaultLanguage',
          message: `${request.defaultLanguage} is not a content language`,
          code: 'language',
        },
      ]);
    }
    await this.writing(request.code, async (manager) => {
      const course = await this.lockInScope(manager, access, id, 'change this course');
      await this.checkLinks(manager, access, course, request);
      const changes = changedFields(course, {
        code: request.code,
        area: request.area,
        level: request.level,
        estimatedHours: request.estimatedHours,
        defaultLanguage: request.defaultLanguage,
        selfEnrolment: request.selfEnrolment,
        lessonCompletion: request.lessonCompletion,
      });
      if (changes) await this.courses.updateSettings(manager, id, changes.after);
      const links: Record<string, string[]> = {};
      for (const [link, field] of Object.entries(LINK_FIELDS) as [keyof typeof LINK_FIELDS, string][]) {
        const ids = request[field as keyof UpdateCourseRequest] as string[] | undefined;
        if (ids === undefined) continue;
        await this.courses.replaceLinks(manager, id, link, [...new Set(ids)]);
        links[field] = ids;
      }
      if (!changes && Object.keys(links).length === 0) return;
      await this.courses.touch(manager, id);
      await this.record(manager, access, ip, 'course.update', id, {
        before: changes?.before ?? {},
        after: { ...(changes?.after ?? {}), ...links },
      });
    });
    return this.get(access, id);
  }

  /** Hides the course from the catalogue; its versions and every learner record stay. */
  async setArchived(
    access: AccessContext,
    id: string,
    archived: boolean,
    ip: string | null,
  ): Promise<CourseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const course = await this.lockInScope(
        manager,
        access,
        id,
        archived ? 'archive this course' : 'restore this course',
      );
      if ((course.archivedAt !== null) === archived) return;
      await this.courses.setArchived(manager, id, archived);
      await this.record(manager, access, ip, archived ? 'course.archive' : 'course.restore', id, {
        before: { archived: !archived },
        after: { archived },
      });
    });
    return this.get(access, id);
  }

  /** "Edit" of a published course: a new draft copied from the current version, which stays as it is. */
  async startDraft(access: AccessContext, id: string, ip: string | null): Promise<CourseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const course = await this.lockInScope(manager, access, id, 'edit this course');
      if (course.workingVersionId) {
        throw new CourseWorkflowConflictError(
          'The course already has a draft or a version in review; edit that one',
        );
      }
      if (!course.currentVersionId) {
        throw new CourseWorkflowConflictError('The course has no published version to start a draft from');
      }
      const versionId = await this.versions.copy(manager, course.currentVersionId, access.principal.userId);
      await this.courses.setVersions(manager, id, { workingVersionId: versionId });
      await this.record(manager, access, ip, 'course.draft', id, {
        after: { versionId, basedOnVersionId: course.currentVersionId },
      });
    });
    return this.get(access, id);
  }

  private async lockInScope(
    manager: EntityManager,
    access: AccessContext,
    id: string,
    action: string,
  ): Promise<CourseRecord> {
    const course = await this.courses.lock(manager, id);
    if (!course) throw new CourseNotFoundError(id);
    requireOnCourse(access.principal, course.ownerPath, access.permission, {
      notFound: () => new CourseNotFoundError(id),
      forbidden: () => new CourseActionForbiddenError(action),
    });
    return course;
  }

  /** Audience units and authors must lie in the caller's scope; every id must name a row. */
  private async checkLinks(
    manager: EntityManager,
    access: AccessContext,
    course: CourseRecord,
    request: UpdateCourseRequest,
  ): Promise<void> {
    const problems = [];
    for (const [link, field] of Object.entries(LINK_FIELDS) as [
      keyof typeof LINK_FIELDS,
      keyof UpdateCourseRequest,
    ][]) {
      const ids = request[field] as string[] | undefined;
      if (!ids || ids.length === 0) continue;
      const unknown = await this.courses.unknownIds(manager, link, ids);
      if (unknown.length > 0) {
        problems.push({
          field,
          message: `${field} names unknown records: ${unknown.join(', ')}`,
          code: 'unknown',
        });
      }
      if (link === 'prerequisites' && ids.includes(course.id)) {
        problems.push({ field, message: 'A course cannot be its own prerequisite', code: 'self' });
      }
    }
    if (request.authorIds?.length) {
      const outside = await this.courses.usersWithoutAuthoringRole(
        manager,
        request.authorIds,
        course.ownerPath,
      );
      if (outside.length > 0) {
        problems.push({
          field: 'authorIds',
          message: `Authors must hold a trainer role on the course's units: ${outside.join(', ')}`,
          code: 'scope',
        });
      }
    }
    if (problems.length > 0) throw new ValidationProblemException(problems);
  }

  /** Runs a change in a transaction, answering a code that another course has with a 409. */
  private async writing<T>(
    code: string | undefined,
    change: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(change);
    } catch (error) {
      if (code && violates(error, 'uq_course_code')) throw new CourseCodeTakenError(code);
      throw error;
    }
  }

  private record(
    manager: EntityManager,
    access: AccessContext,
    ip: string | null,
    action: string,
    courseId: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: access.principal.userId,
      action,
      targetType: 'course',
      targetId: courseId,
      ip,
      summary,
    });
  }
}
