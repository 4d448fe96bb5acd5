import { Injectable } from '@nestjs/common';
import { AccessContext, ApiConfig, ValidationProblemException } from '@border-academy/api-platform';
import {
  ContentText,
  CourseVersion,
  CreateLessonRequest,
  CreateModuleRequest,
  FieldError,
  Lesson,
  LessonKind,
  ReorderOutlineRequest,
  UpdateLessonRequest,
  UpdateModuleRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { signAttachmentUrl } from '../attachments/attachment-url';
import { CourseContentNotFoundError } from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { LockedVersion } from '../versions/course-version.repository';
import { CourseVersionService } from '../versions/course-version.service';
import { DraftEditor } from '../versions/draft-editor';
import { attachmentIdsIn, renderMarkdown } from '../markdown/markdown';
import { AttachmentRepository } from '../attachments/attachment.repository';
import { AttachmentService } from '../attachments/attachment.service';
import { LessonFields, OutlineRepository } from './outline.repository';

/** Which kinds of lesson carry which reference. */
const REFERENCE_OF: Record<LessonKind, 'attachmentId' | 'externalUrl' | 'quizId' | null> = {
  text: null,
  video: 'attachmentId',
  document: 'attachmentId',
  link: 'externalUrl',
  quiz: 'quizId',
};

/** A version's outline: modules and lessons, added, changed, removed and reordered (drafts only). */
@Injectable()
export class OutlineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outline: OutlineRepository,
    private readonly attachments: AttachmentRepository,
    private readonly attachmentService: AttachmentService,
    private readonly drafts: DraftEditor,
    private readonly versions: CourseVersionService,
    private readonly languages: ContentLanguageRepository,
    private readonly config: ApiConfig,
  ) {}

  /** The whole order at once: every module and lesson of the version exactly once, checked before writing. */
  async reorder(
    access: AccessContext,
    versionId: string,
    request: ReorderOutlineRequest,
  ): Promise<CourseVersion> {
    await this.drafts.change(access, { version: versionId }, async (manager) => {
      const current = await this.outline.outlineIds(manager, versionId);
      const problems = [
        ...exactlyOnce(
          'modules',
          request.modules.map((module) => module.id),
          current.moduleIds,
          'module',
        ),
        ...exactlyOnce(
          'modules.lessonIds',
          request.modules.flatMap((module) => module.lessonIds),
          current.lessonIds,
          'lesson',
        ),
      ];
      if (problems.length > 0) throw new ValidationProblemException(problems);
      await this.outline.reorder(manager, request.modules);
    });
    return this.versions.get(access, versionId);
  }

  async createModule(
    access: AccessContext,
    versionId: string,
    request: CreateModuleRequest,
  ): Promise<CourseVersion> {
    await this.drafts.change(access, { version: versionId }, async (manager, version) => {
      await this.outline.insertModule(manager, versionId, await this.title(request.title, version));
    });
    return this.versions.get(access, versionId);
  }

  async updateModule(
    access: AccessContext,
    id: string,
    request: UpdateModuleRequest,
  ): Promise<CourseVersion> {
    const version = await this.drafts.change(access, { part: 'module', id }, async (manager, locked) => {
      await this.outline.updateModule(manager, id, await this.title(request.title, locked));
      return locked;
    });
    return this.versions.get(access, version.id);
  }

  /** Removes a module and its lessons. */
  async deleteModule(access: AccessContext, id: string): Promise<void> {
    await this.drafts.change(access, { part: 'module', id }, (manager, version) =>
      this.outline.deleteModule(manager, id, version.id),
    );
  }

  /** A lesson appended at the end of the module. */
  async createLesson(access: AccessContext, moduleId: string, request: CreateLessonRequest): Promise<Lesson> {
    const id = await this.drafts.change(
      access,
      { part: 'module', id: moduleId },
      async (manager, version) => {
        const fields = await this.lessonFields(manager, version, request.kind, request, null);
        return this.outline.insertLesson(manager, moduleId, request.kind, fields);
      },
    );
    return this.getLesson(access, id);
  }

  async getLesson(access: AccessContext, id: string): Promise<Lesson> {
    await this.drafts.readable(access, { part: 'lesson', id });
    const manager = this.dataSource.manager;
    const lesson = await this.outline.findLesson(manager, id);
    if (!lesson) throw new CourseContentNotFoundError('lesson', id);
    const attachment = lesson.attachmentId ? await this.attachments.find(manager, lesson.attachmentId) : null;
    const shown = await this.outline.courseAttachments(
      manager,
      lesson.courseId,
      Object.values(lesson.body ?? {}).flatMap(attachmentIdsIn),
    );
    const bodyHtml = Object.fromEntries(
      Object.entries(lesson.body ?? {}).map(([language, markdown]) => [
        language,
        renderMarkdown(markdown, (attachmentId) =>
          shown.has(attachmentId) ? this.sign(attachmentId) : null,
        ),
      ]),
    );
    return {
      id: lesson.id,
      moduleId: lesson.moduleId,
      versionId: lesson.versionId,
      kind: lesson.kind,
      title: lesson.title,
      required: lesson.required,
      body: lesson.body,
      bodyHtml,
      attachment: attachment ? this.attachmentService.toAttachment(attachment) : null,
      externalUrl: lesson.externalUrl,
      quizId: lesson.quizId,
      estimatedMinutes: lesson.estimatedMinutes,
    };
  }

  async updateLesson(access: AccessContext, id: string, request: UpdateLessonRequest): Promise<Lesson> {
    await this.drafts.change(access, { part: 'lesson', id }, async (manager, version) => {
      const lesson = await this.outline.findLesson(manager, id);
      if (!lesson) throw new CourseContentNotFoundError('lesson', id);
      const fields = await this.lessonFields(manager, version, lesson.kind, request, lesson);
      await this.outline.updateLesson(manager, id, fields);
    });
    return this.getLesson(access, id);
  }

  async deleteLesson(access: AccessContext, id: string): Promise<void> {
    await this.drafts.change(access, { part: 'lesson', id }, async (manager) => {
      const lesson = await this.outline.findLesson(manager, id);
      if (!lesson) throw new CourseContentNotFoundError('lesson', id);
      await this.outline.deleteLesson(manager, id, lesson.moduleId);
    });
  }

  /** The live preview: rendered exactly as learners get it, images of the caller's courses signed. */
  async preview(access: AccessContext, markdown: string): Promise<string> {
    const shown = await this.outline.attachmentsInScope(
      this.dataSource.manager,
      access.scope ?? [],
      attachmentIdsIn(markdown),
    );
    return renderMarkdown(markdown, (attachmentId) =>
      shown.has(attachmentId) ? this.sign(attachmentId) : null,
    );
  }

  private sign(attachmentId: string): string {
    return signAttachmentUrl(attachmentId, this.config.APP_SECRET);
  }

  private async title(title: ContentText, version: LockedVersion): Promise<ContentText> {
    const check = await this.languages.check();
    const checked = check.text('title', title, version.defaultLanguage);
    check.done();
    return checked ?? {};
  }

  /** The lesson's fields after a create or a change, each reference checked against the version. */
  private async lessonFields(
    manager: EntityManager,
    version: LockedVersion,
    kind: LessonKind,
    request: UpdateLessonRequest,
    current: LessonFields | null,
  ): Promise<LessonFields> {
    const check = await this.languages.check();
    const title =
      request.title === undefined && current
        ? current.title
        : check.text('title', request.title, version.defaultLanguage);
    const body =
      request.body === undefined && current ? current.body : (check.optional('body', request.body) ?? null);
    const fields: LessonFields = {
      title: title ?? {},
      body,
      required: request.required ?? current?.required ?? true,
      attachmentId:
        request.attachmentId === undefined ? (current?.attachmentId ?? null) : request.attachmentId,
      externalUrl: request.externalUrl === undefined ? (current?.externalUrl ?? null) : request.externalUrl,
      quizId: request.quizId === undefined ? (current?.quizId ?? null) : request.quizId,
      estimatedMinutes:
        request.estimatedMinutes === undefined
          ? (current?.estimatedMinutes ?? null)
          : request.estimatedMinutes,
    };
    const reference = REFERENCE_OF[kind];
    for (const field of ['attachmentId', 'externalUrl', 'quizId'] as const) {
      if (field !== reference && fields[field] !== null) {
        check.fail(field, `A ${kind} lesson has no ${field}`, 'kind');
      }
    }
    if (
      fields.attachmentId &&
      !(await this.outline.courseAttachments(manager, version.courseId, [fields.attachmentId])).size
    ) {
      check.fail('attachmentId', 'The attachment is not one of this course’s files', 'unknown');
    }
    if (fields.quizId && !(await this.outline.quizInVersion(manager, fields.quizId, version.id))) {
      check.fail('quizId', 'The quiz is not one of this version’s quizzes', 'unknown');
    }
    check.done();
    return fields;
  }
}

/** Field errors unless `given` holds each of `expected` exactly once and nothing else. */
function exactlyOnce(field: string, given: string[], expected: string[], what: string): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const known = new Set(expected);
  for (const id of given) {
    if (seen.has(id))
      problems.push({ field, message: `The ${what} ${id} appears more than once`, code: 'duplicate' });
    else if (!known.has(id))
      problems.push({ field, message: `The ${what} ${id} is not in this version`, code: 'unknown' });
    seen.add(id);
  }
  const left = expected.filter((id) => !seen.has(id));
  if (left.length > 0) {
    problems.push({
      field,
      message: `Every ${what} must be placed; missing: ${left.join(', ')}`,
      code: 'missing',
    });
  }
  return problems;
}
