import { Injectable } from '@nestjs/common';
import { attachmentIdsIn, renderMarkdown, signAttachmentUrl } from '@border-academy/api-authoring';
import { AccessContext, ApiConfig } from '@border-academy/api-platform';
import {
  DEFAULT_PAGE_SIZE,
  EnrolmentDetail,
  EnrolmentSummary,
  LearnerCourse,
  LearnerLesson,
  MY_LEARNING_SECTIONS,
  MyEnrolmentsQuery,
  MyLearning,
  MyLearningQuery,
  MyLearningSection,
  Page,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import {
  AlreadyEnrolledError,
  CatalogueCourseNotFoundError,
  EnrolmentNotWithdrawableError,
  LearningRecordNotFoundError,
  SelfEnrolmentClosedError,
} from '../learning.errors';
import { mayReadLearner } from '../learning-access';
import { QuizAttemptRepository } from '../quizzes/quiz-attempt.repository';
import { EnrolmentRecord, EnrolmentRepository } from './enrolment.repository';

/** The learner's course page, enrolment, "my learning" and the lesson player. */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ApiConfig,
    private readonly enrolments: EnrolmentRepository,
    private readonly attempts: QuizAttemptRepository,
  ) {}

  async coursePage(access: AccessContext, courseId: string): Promise<LearnerCourse> {
    const manager = this.dataSource.manager;
    const { principal } = access;
    const course = await this.enrolments.findVisibleCourse(manager, courseId, principal.orgUnitId);
    if (!course) throw new CatalogueCourseNotFoundError(courseId);
    const liveId = await this.enrolments.findLiveId(manager, principal.userId, courseId);
    const enrolment = liveId ? await this.enrolments.findSummary(manager, principal.userId, liveId) : null;
    return {
      ...course,
      modules: await this.enrolments.outline(manager, course.versionId, null),
      enrolment,
      canEnrol: course.selfEnrolment && enrolment === null,
    };
  }

  /** Self-enrolment on the current published version; one live enrolment per person and course. */
  async enrol(access: AccessContext, courseId: string): Promise<EnrolmentSummary> {
    const { principal } = access;
    const id = await this.dataSource.transaction(async (manager) => {
      const course = await this.enrolments.findVisibleCourse(manager, courseId, principal.orgUnitId);
      if (!course) throw new CatalogueCourseNotFoundError(courseId);
      const existing = await this.enrolments.findLiveId(manager, principal.userId, courseId);
      if (existing) throw new AlreadyEnrolledError(existing);
      if (!course.selfEnrolment) throw new SelfEnrolmentClosedError();
      const created = await this.enrolments.insertSelfEnrolment(
        manager,
        principal.userId,
        courseId,
        course.versionId,
      );
      if (created) return created;
      // a concurrent request enrolled first
      const raced = await this.enrolments.findLiveId(manager, principal.userId, courseId);
      throw new AlreadyEnrolledError(raced ?? '');
    });
    return this.summary(access, id);
  }

  async withdraw(access: AccessContext, id: string): Promise<EnrolmentSummary> {
    await this.dataSource.transaction(async (manager) => {
      const record = await this.readable(manager, access, id, true);
      // people who may read another's enrolment still never change it
      if (record.userId !== access.principal.userId) throw new LearningRecordNotFoundError('enrolment', id);
      if (!(await this.enrolments.withdraw(manager, record.id, access.principal.userId))) {
        throw new EnrolmentNotWithdrawableError();
      }
    });
    return this.summary(access, id);
  }

  async myLearning(access: AccessContext, query: MyLearningQuery): Promise<MyLearning> {
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [assigned, inProgress, completed] = await Promise.all(
      MY_LEARNING_SECTIONS.map((section) => this.section(access, section, 1, pageSize)),
    );
    return { assigned, inProgress, completed } as MyLearning;
  }

  myEnrolments(access: AccessContext, query: MyEnrolmentsQuery): Promise<Page<EnrolmentSummary>> {
    return this.section(access, query.section, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  async detail(access: AccessContext, id: string): Promise<EnrolmentDetail> {
    const manager = this.dataSource.manager;
    const record = await this.readable(manager, access, id);
    const summary = await this.summary(access, id);
    const [version]: { description: EnrolmentDetail['description'] }[] = await manager.query(
      `SELECT description FROM course_version WHERE id = $1`,
      [record.courseVersionId],
    );
    return {
      ...summary,
      description: version?.description ?? null,
      lessonCompletion: record.lessonCompletion,
      modules: await this.enrolments.outline(manager, record.courseVersionId, id),
      quizzes: await this.attempts.quizStates(manager, id, record.courseVersionId),
      isOwn: record.userId === access.principal.userId,
    };
  }

  /** A lesson of the pinned version as the player shows it; opening it records nothing by itself. */
  async lesson(access: AccessContext, enrolmentId: string, lessonId: string): Promise<LearnerLesson> {
    const manager = this.dataSource.manager;
    const record = await this.readable(manager, access, enrolmentId);
    const lesson = await this.enrolments.findLesson(manager, enrolmentId, record.courseVersionId, lessonId);
    if (!lesson) throw new LearningRecordNotFoundError('lesson of this enrolment', lessonId);
    const shown = await this.enrolments.courseAttachments(
      manager,
      record.courseId,
      Object.values(lesson.body ?? {}).flatMap(attachmentIdsIn),
    );
    const sign = (attachmentId: string) => signAttachmentUrl(attachmentId, this.config.APP_SECRET);
    const bodyHtml = Object.fromEntries(
      Object.entries(lesson.body ?? {}).map(([language, markdown]) => [
        language,
        renderMarkdown(markdown, (attachmentId) => (shown.has(attachmentId) ? sign(attachmentId) : null)),
      ]),
    );
    return {
      id: lesson.id,
      moduleId: lesson.moduleId,
      kind: lesson.kind,
      title: lesson.title,
      required: lesson.required,
      estimatedMinutes: lesson.estimatedMinutes,
      quizId: lesson.quizId,
      state: lesson.state,
      enrolmentId,
      bodyHtml,
      attachment: lesson.attachment
        ? {
            ...lesson.attachment,
            sizeBytes: Number(lesson.attachment.sizeBytes),
            url: sign(lesson.attachment.id),
          }
        : null,
      externalUrl: lesson.externalUrl,
      previousLessonId: lesson.previousLessonId,
      nextLessonId: lesson.nextLessonId,
      completion: lesson.kind === 'quiz' ? 'quiz-passed' : record.lessonCompletion,
    };
  }

  /** The enrolment if the caller may read it (their own, or a learner inside their scope); else not found. */
  async readable(
    manager: EntityManager,
    access: AccessContext,
    id: string,
    lock = false,
  ): Promise<EnrolmentRecord> {
    const record = await this.enrolments.findRecord(manager, id, lock);
    if (!record || !mayReadLearner(access.principal, record.userId, record.learnerPath)) {
      throw new LearningRecordNotFoundError('enrolment', id);
    }
    return record;
  }

  private async summary(access: AccessContext, id: string): Promise<EnrolmentSummary> {
    const summary = await this.enrolments.findSummary(this.dataSource.manager, access.principal.userId, id);
    if (!summary) throw new LearningRecordNotFoundError('enrolment', id);
    return summary;
  }

  private async section(
    access: AccessContext,
    section: MyLearningSection,
    page: number,
    pageSize: number,
  ): Promise<Page<EnrolmentSummary>> {
    const { items, total } = await this.enrolments.findSection(
      this.dataSource.manager,
      access.principal.userId,
      section,
      page,
      pageSize,
    );
    return { items, total, page, pageSize };
  }
}
