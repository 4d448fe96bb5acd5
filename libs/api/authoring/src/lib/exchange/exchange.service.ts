import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext, ApiConfig, ValidationProblemException, violates } from '@border-academy/api-platform';
import { COURSE_PACKAGE_SCHEMA_VERSION, ContentText, CourseDetail } from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { AttachmentStorage, storageKeyOf } from '../attachments/attachment-storage';
import {
  CourseCodeTakenError,
  CourseContentNotFoundError,
  CoursePackageInvalidError,
  CoursePackageMediaTypeError,
  CoursePackageTooLargeError,
  CourseWorkflowConflictError,
} from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { covers, requireOnCourse } from '../course-access';
import { CourseRepository } from '../courses/course.repository';
import { CourseService } from '../courses/course.service';
import { attachmentIdsIn } from '../markdown/markdown';
import { CourseVersionRepository } from '../versions/course-version.repository';
import { DraftEditor } from '../versions/draft-editor';
import {
  CoursePackageManifest,
  PackageAttachment,
  filePathOf,
  fromPackageMarkdown,
  toPackageMarkdown,
} from './course-package';
import { ExchangeRepository, ExportedVersion, ImportedRows } from './exchange.repository';
import { PACKAGE_UPLOAD_MAX_BYTES, readPackage, spoolPackage } from './package-reader';
import { writePackage } from './package-writer';

/** The body types an import accepts: the standard one and the one Windows browsers send. */
export const PACKAGE_MEDIA_TYPES = ['application/zip', 'application/x-zip-compressed'];

export interface ImportRequest {
  body: unknown;
  contentType: string;
  contentLength: number | null;
  ownerOrgUnitId: string;
  code: string | null;
  ip: string | null;
}

export interface ExportedPackage {
  fileName: string;
  body: Readable;
}

/** Course packages: a published version out as one ZIP, a ZIP in as a new course with a draft. */
@Injectable()
export class ExchangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exchange: ExchangeRepository,
    private readonly courses: CourseRepository,
    private readonly versions: CourseVersionRepository,
    private readonly courseService: CourseService,
    private readonly languages: ContentLanguageRepository,
    private readonly drafts: DraftEditor,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditService,
    private readonly config: ApiConfig,
  ) {}

  /** A published version as a package; only published versions leave, as only they are reviewed. */
  async export(access: AccessContext, versionId: string, ip: string | null): Promise<ExportedPackage> {
    const manager = this.dataSource.manager;
    const notFound = () => new CourseContentNotFoundError('course version', versionId);
    const version = await this.exchange.findVersion(manager, versionId);
    if (!version) throw notFound();
    requireOnCourse(access.principal, version.ownerPath, 'course:read', { notFound, forbidden: notFound });
    if (version.status !== 'published') {
      throw new CourseWorkflowConflictError(
        'Only a published version can be exported; publish this one or export the published version',
      );
    }
    const manifest = await this.manifestOf(manager, access, version);
    for (const attachment of manifest.attachments) {
      if (!(await this.storage.has(storageKeyOf(attachment.sha256)))) {
        throw new CourseContentNotFoundError('stored file for attachment', attachment.path);
      }
    }
    await this.dataSource.transaction((writer) =>
      this.audit.record(writer, {
        actorUserId: access.principal.userId,
        action: 'course.export',
        targetType: 'course',
        targetId: version.courseId,
        ip,
        summary: { versionId, versionNumber: version.number, files: manifest.attachments.length },
      }),
    );
    return {
      fileName: `${version.code}-v${version.number}.zip`,
      body: writePackage(manifest, (sha256) => this.storage.read(storageKeyOf(sha256))),
    };
  }

  /**
   * A package as a new course owned by the given unit, with one draft holding its content. The scope
   * is checked before a byte is read; the package is spooled and checked whole; its files are stored
   * (content-addressed, so one already there is kept once); then one transaction writes every row.
   * Any refusal writes no row, and stored files that no row names are harmless.
   */
  async import(access: AccessContext, request: ImportRequest): Promise<CourseDetail> {
    const ownerPath = await this.courses.orgUnitPath(this.dataSource.manager, request.ownerOrgUnitId);
    if (!ownerPath || !covers(access.scope, ownerPath)) {
      throw new ValidationProblemException([
        {
          field: 'ownerOrgUnitId',
          message: 'Choose an active unit inside your authoring scope',
          code: 'scope',
        },
      ]);
    }
    const body = request.body;
    if (
      !PACKAGE_MEDIA_TYPES.includes(request.contentType) ||
      !(Buffer.isBuffer(body) || body instanceof Readable)
    ) {
      throw new CoursePackageMediaTypeError();
    }
    if (request.contentLength !== null && request.contentLength > PACKAGE_UPLOAD_MAX_BYTES) {
      throw new CoursePackageTooLargeError(PACKAGE_UPLOAD_MAX_BYTES);
    }
    const tmpDir = join(resolve(this.config.DATA_DIR), 'tmp');
    const zipPath = await spoolPackage(body, tmpDir);
    const extracted: string[] = [];
    try {
      const { manifest, files } = await readPackage(zipPath, tmpDir);
      extracted.push(...[...files.values()].map((file) => file.path));
      await this.checkAgainstSystem(manifest);
      for (const file of files.values()) {
        const key = storageKeyOf(file.sha256);
        if (await this.storage.has(key)) await rm(file.path, { force: true });
        else await this.storage.putFile(key, file.path, file.mediaType);
      }
      const courseId = await this.write(access, request, manifest);
      return this.courseService.get(access, courseId);
    } finally {
      await Promise.all([zipPath, ...extracted].map((path) => rm(path, { force: true })));
    }
  }

  /** What only this system can tell: whether the package's default language is one of its languages. */
  private async checkAgainstSystem(manifest: CoursePackageManifest): Promise<void> {
    const errors: string[] = [];
    const language = manifest.course.defaultLanguage;
    if (!(await this.languages.codes()).includes(language)) {
      errors.push(`manifest.json: course.defaultLanguage ${language} is not a content language here`);
    }
    if (!manifest.course.title[language]?.trim()) {
      errors.push(`manifest.json: course.title has no text in the default language ${language}`);
    }
    if (errors.length > 0) throw new CoursePackageInvalidError(errors);
  }

  private async write(
    access: AccessContext,
    request: ImportRequest,
    manifest: CoursePackageManifest,
  ): Promise<string> {
    const userId = access.principal.userId;
    let code = request.code ?? manifest.source.courseCode;
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (request.code !== null) {
          if (await this.exchange.codeTaken(manager, request.code))
            throw new CourseCodeTakenError(request.code);
        } else {
          code = await this.exchange.freeCode(manager, manifest.source.courseCode);
        }
        const { course } = manifest;
        const courseId = await this.courses.insert(manager, {
          code,
          area: course.area,
          level: course.level,
          estimatedHours: course.estimatedHours,
          defaultLanguage: course.defaultLanguage,
          ownerOrgUnitId: request.ownerOrgUnitId,
          selfEnrolment: course.selfEnrolment,
          lessonCompletion: course.lessonCompletion,
        });
        const versionId = await this.versions.insert(manager, {
          courseId,
          title: course.title,
          description: course.description,
          createdBy: userId,
        });
        await this.courses.setVersions(manager, courseId, { workingVersionId: versionId });
        await this.courses.replaceLinks(manager, courseId, 'authors', [userId]);
        const competencyIds = await this.exchange.competencyIds(manager, course.competencies);
        await this.courses.replaceLinks(manager, courseId, 'competencies', competencyIds);
        await this.exchange.insertContent(manager, courseId, versionId, userId, rowsOf(manifest));
        await this.drafts.recompute(manager, versionId);
        await this.audit.record(manager, {
          actorUserId: userId,
          action: 'course.import',
          targetType: 'course',
          targetId: courseId,
          ip: request.ip,
          summary: {
            after: { code, ownerOrgUnitId: request.ownerOrgUnitId, versionId },
            source: manifest.source,
            files: manifest.attachments.length,
            competenciesNotFound: course.competencies.length - competencyIds.length,
          },
        });
        return courseId;
      });
    } catch (error) {
      if (violates(error, 'uq_course_code')) throw new CourseCodeTakenError(code);
      throw error;
    }
  }

  private async manifestOf(
    manager: EntityManager,
    access: AccessContext,
    version: ExportedVersion,
  ): Promise<CoursePackageManifest> {
    const modules = await this.exchange.modules(manager, version.id);
    const questions = await this.exchange.questions(manager, version.id);
    const quizzes = await this.exchange.quizzes(manager, version.id);
    const lessons = modules.flatMap((module) => module.lessons);
    const attachmentIds = new Set<string>();
    for (const lesson of lessons) {
      if (lesson.attachmentId) attachmentIds.add(lesson.attachmentId);
      for (const text of Object.values(lesson.body ?? {}))
        attachmentIdsIn(text).forEach((id) => attachmentIds.add(id));
    }
    const rows = await this.exchange.attachments(manager, version.courseId, [...attachmentIds], access.scope);
    const shaOf = new Map(rows.map((row) => [row.id, row.sha256]));
    // one entry per content, named by the first of its rows in (sha256, file name) order
    const attachments = new Map<string, PackageAttachment>();
    for (const row of rows) {
      if (attachments.has(row.sha256)) continue;
      attachments.set(row.sha256, {
        path: filePathOf(row.sha256),
        fileName: row.fileName,
        mediaType: row.mediaType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      });
    }
    const questionIds = new Map(questions.map((question, index) => [question.id, `question-${index + 1}`]));
    const quizIds = new Map(quizzes.map((quiz, index) => [quiz.id, `quiz-${index + 1}`]));
    const packageMarkdown = (text: ContentText | null) =>
      text && mapText(text, (value) => toPackageMarkdown(value, (id) => shaOf.get(id)));
    return {
      schemaVersion: COURSE_PACKAGE_SCHEMA_VERSION,
      exportedAt: new Date().toISOString(),
      source: { courseCode: version.code, versionNumber: version.number },
      course: {
        title: version.title,
        description: version.description,
        area: version.area,
        level: version.level,
        estimatedHours: version.estimatedHours,
        defaultLanguage: version.defaultLanguage,
        selfEnrolment: version.selfEnrolment,
        lessonCompletion: version.lessonCompletion,
        competencies: version.competencies,
      },
      modules: modules.map((module) => ({
        title: module.title,
        lessons: module.lessons.map((lesson) => {
          const sha = lesson.attachmentId ? shaOf.get(lesson.attachmentId) : undefined;
          return {
            kind: lesson.kind,
            title: lesson.title,
            required: lesson.required,
            body: packageMarkdown(lesson.body),
            file: sha ? filePathOf(sha) : null,
            externalUrl: lesson.externalUrl,
            quiz: lesson.quizId ? (quizIds.get(lesson.quizId) ?? null) : null,
            estimatedMinutes: lesson.estimatedMinutes,
          };
        }),
      })),
      questions: questions.map((question) => ({
        id: questionIds.get(question.id) ?? '',
        kind: question.kind,
        stem: question.stem,
        options: question.options.map((option) => ({
          id: option.id,
          text: option.text,
          correct: option.correct,
          feedback: option.feedback ?? null,
        })),
        correctBoolean: question.correctBoolean,
        shortAnswer: question.shortAnswer && {
          accepted: question.shortAnswer.accepted,
          match: question.shortAnswer.match,
          caseSensitive: question.shortAnswer.caseSensitive,
          normaliseWhitespace: question.shortAnswer.normaliseWhitespace,
        },
        feedbackCorrect: question.feedbackCorrect,
        feedbackIncorrect: question.feedbackIncorrect,
        points: question.points,
        tags: question.tags,
      })),
      quizzes: quizzes.map((quiz) => ({
        id: quizIds.get(quiz.id) ?? '',
        title: quiz.title,
        instructions: quiz.instructions,
        passMarkPercent: quiz.passMarkPercent,
        attemptLimit: quiz.attemptLimit,
        timeLimitMinutes: quiz.timeLimitMinutes,
        allowReview: quiz.allowReview,
        selection:
          quiz.selection.mode === 'fixed'
            ? { mode: 'fixed', questions: quiz.selection.questionIds.map((id) => questionIds.get(id) ?? '') }
            : { mode: 'random', draws: quiz.selection.draws.map(({ tag, count }) => ({ tag, count })) },
      })),
      attachments: [...attachments.values()],
    };
  }
}

/** The rows of an imported draft, with new ids and every package reference turned into one. */
function rowsOf(manifest: CoursePackageManifest): ImportedRows {
  const attachmentIdOf = new Map<string, string>();
  const attachments = manifest.attachments.map((attachment) => {
    const id = randomUUID();
    attachmentIdOf.set(attachment.sha256, id);
    return {
      id,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storageKey: storageKeyOf(attachment.sha256),
    };
  });
  const questionIdOf = new Map(manifest.questions.map((question) => [question.id, randomUUID()]));
  const quizIdOf = new Map(manifest.quizzes.map((quiz) => [quiz.id, randomUUID()]));
  const idOf = (ids: Map<string, string>, key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`unchecked package reference ${key}`);
    return id;
  };
  return {
    attachments,
    questions: manifest.questions.map(({ id, ...question }) => ({ ...question, id: idOf(questionIdOf, id) })),
    quizzes: manifest.quizzes.map(({ id, selection, ...quiz }) => ({
      ...quiz,
      id: idOf(quizIdOf, id),
      selection:
        selection.mode === 'fixed'
          ? {
              mode: 'fixed',
              questionIds: selection.questions.map((question) => idOf(questionIdOf, question)),
            }
          : selection,
    })),
    modules: manifest.modules.map((module) => ({
      id: randomUUID(),
      title: module.title,
      lessons: module.lessons.map((lesson) => ({
        kind: lesson.kind,
        title: lesson.title,
        required: lesson.required,
        body:
          lesson.body &&
          mapText(lesson.body, (text) => fromPackageMarkdown(text, (sha) => attachmentIdOf.get(sha))),
        attachmentId: lesson.file ? idOf(attachmentIdOf, lesson.file.slice('files/'.length)) : null,
        externalUrl: lesson.externalUrl,
        quizId: lesson.quiz ? idOf(quizIdOf, lesson.quiz) : null,
        estimatedMinutes: lesson.estimatedMinutes,
      })),
    })),
  };
}

function mapText(text: ContentText, map: (value: string) => string): ContentText {
  return Object.fromEntries(Object.entries(text).map(([language, value]) => [language, map(value)]));
}
