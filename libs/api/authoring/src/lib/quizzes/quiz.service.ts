import { Injectable } from '@nestjs/common';
import { AccessContext, violates } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE, Page, Quiz, SaveQuizRequest } from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { CourseContentInUseError, CourseContentNotFoundError } from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { LockedVersion } from '../versions/course-version.repository';
import { DraftEditor } from '../versions/draft-editor';
import { QuizRepository } from './quiz.repository';

/** A version's quizzes: fixed questions from its bank, or N random ones per tag drawn for each attempt. */
@Injectable()
export class QuizService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quizzes: QuizRepository,
    private readonly languages: ContentLanguageRepository,
    private readonly drafts: DraftEditor,
  ) {}

  async list(
    access: AccessContext,
    versionId: string,
    query: { page?: number; pageSize?: number },
  ): Promise<Page<Quiz>> {
    await this.drafts.readable(access, { version: versionId });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.quizzes.findPage(this.dataSource.manager, versionId, page, pageSize);
    return { items, total, page, pageSize };
  }

  async get(access: AccessContext, id: string): Promise<Quiz> {
    await this.drafts.readable(access, { part: 'quiz', id });
    const quiz = await this.quizzes.findById(this.dataSource.manager, id);
    if (!quiz) throw new CourseContentNotFoundError('quiz', id);
    return quiz;
  }

  async create(access: AccessContext, versionId: string, request: SaveQuizRequest): Promise<Quiz> {
    const id = await this.drafts.change(access, { version: versionId }, async (manager, version) =>
      this.quizzes.insert(manager, versionId, await this.checked(manager, version, request)),
    );
    return this.get(access, id);
  }

  async replace(access: AccessContext, id: string, request: SaveQuizRequest): Promise<Quiz> {
    await this.drafts.change(access, { part: 'quiz', id }, async (manager, version) =>
      this.quizzes.replace(manager, id, await this.checked(manager, version, request)),
    );
    return this.get(access, id);
  }

  /** Refused (409) while a lesson plays the quiz. */
  async delete(access: AccessContext, id: string): Promise<void> {
    try {
      await this.drafts.change(access, { part: 'quiz', id }, async (manager) => {
        const lessons = await this.quizzes.lessonCount(manager, id);
        if (lessons > 0) throw inUse(lessons);
        await this.quizzes.delete(manager, id);
      });
    } catch (error) {
      if (violates(error, 'fk_lesson_quiz')) throw inUse(1);
      throw error;
    }
  }

  /** Texts in the course's languages, fixed questions from this version's bank, each once; draws by distinct tags. */
  private async checked(
    manager: EntityManager,
    version: LockedVersion,
    request: SaveQuizRequest,
  ): Promise<SaveQuizRequest> {
    const check = await this.languages.check();
    const title = check.text('title', request.title, version.defaultLanguage) ?? {};
    const instructions = check.optional('instructions', request.instructions) ?? null;
    let selection = request.selection;
    if (selection.mode === 'fixed') {
      const ids = selection.questionIds;
      if (new Set(ids).size !== ids.length) {
        check.fail('selection.questionIds', 'A question is drawn at most once', 'duplicate');
      }
      const outside = await this.quizzes.questionsOutside(manager, version.id, ids);
      if (outside.length > 0) {
        check.fail('selection.questionIds', `Not in this version's bank: ${outside.join(', ')}`, 'unknown');
      }
    } else {
      const draws = selection.draws.map((draw) => ({
        tag: draw.tag.trim().toLowerCase(),
        count: draw.count,
      }));
      if (draws.length === 0)
        check.fail('selection.draws', 'A random quiz draws from at least one tag', 'required');
      if (new Set(draws.map((draw) => draw.tag)).size !== draws.length || draws.some((draw) => !draw.tag)) {
        check.fail('selection.draws', 'Each draw names a tag of its own', 'duplicate');
      }
      selection = { mode: 'random', draws };
    }
    check.done();
    return {
      title,
      instructions,
      passMarkPercent: request.passMarkPercent,
      attemptLimit: request.attemptLimit,
      timeLimitMinutes: request.timeLimitMinutes,
      allowReview: request.allowReview,
      selection,
    };
  }
}

function inUse(lessons: number): CourseContentInUseError {
  return new CourseContentInUseError(
    `${lessons} ${lessons === 1 ? 'lesson plays' : 'lessons play'} this quiz; remove or change ${lessons === 1 ? 'it' : 'them'} first`,
  );
}
