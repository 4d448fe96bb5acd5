import { Injectable } from '@nestjs/common';
import { AccessContext, violates } from '@border-academy/api-platform';
import {
  DEFAULT_PAGE_SIZE,
  Page,
  Question,
  QuestionListQuery,
  SaveQuestionRequest,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { CourseContentInUseError, CourseContentNotFoundError } from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { ContentTextCheck } from '../content/content-text';
import { DraftEditor } from '../versions/draft-editor';
import { QuestionRepository } from './question.repository';

/** A question as stored: texts normalised, answers consistent with its kind, tags trimmed and unique. */
function checkedQuestion(
  check: ContentTextCheck,
  request: SaveQuestionRequest,
  language: string,
): SaveQuestionRequest {
  const choice = request.kind === 'single-choice' || request.kind === 'multiple-choice';
  const options = choice
    ? request.options.map((option, index) => ({
        id: option.id.trim(),
        text: check.text(`options.${index}.text`, option.text, language) ?? {},
        correct: option.correct,
        feedback: check.optional(`options.${index}.feedback`, option.feedback) ?? null,
      }))
    : [];
  if (choice) {
    const correct = options.filter((option) => option.correct).length;
    if (options.length < 2) check.fail('options', 'A choice question needs at least two options', 'options');
    if (request.kind === 'single-choice' && correct !== 1) {
      check.fail('options', 'A single-choice question has exactly one correct option', 'correct');
    }
    if (request.kind === 'multiple-choice' && correct < 1) {
      check.fail('options', 'A multiple-choice question has at least one correct option', 'correct');
    }
    if (new Set(options.map((option) => option.id)).size !== options.length || options.some((o) => !o.id)) {
      check.fail('options', 'Every option needs an id of its own', 'option-id');
    }
  } else if (request.options.length > 0) {
    check.fail('options', `A ${request.kind} question has no options`, 'options');
  }
  if (request.kind === 'true-false' && request.correctBoolean === null) {
    check.fail('correctBoolean', 'A true/false question needs its answer', 'required');
  }
  if (request.kind !== 'true-false' && request.correctBoolean !== null) {
    check.fail('correctBoolean', 'Only a true/false question has correctBoolean', 'kind');
  }
  const shortAnswer = request.shortAnswer
    ? {
        ...request.shortAnswer,
        accepted: request.shortAnswer.accepted.map((answer) => answer.trim()).filter(Boolean),
      }
    : null;
  if (request.kind === 'short-answer' && !shortAnswer?.accepted.length) {
    check.fail(
      'shortAnswer.accepted',
      'A short-answer question needs at least one accepted answer',
      'required',
    );
  }
  if (request.kind !== 'short-answer' && shortAnswer) {
    check.fail('shortAnswer', 'Only a short-answer question has shortAnswer', 'kind');
  }
  return {
    kind: request.kind,
    stem: check.text('stem', request.stem, language) ?? {},
    options,
    correctBoolean: request.kind === 'true-false' ? request.correctBoolean : null,
    shortAnswer: request.kind === 'short-answer' ? shortAnswer : null,
    feedbackCorrect: check.optional('feedbackCorrect', request.feedbackCorrect) ?? null,
    feedbackIncorrect: check.optional('feedbackIncorrect', request.feedbackIncorrect) ?? null,
    points: request.points,
    tags: [...new Set(request.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
  };
}

/** A version's question bank: authoring only, answers included; learners never reach these routes. */
@Injectable()
export class QuestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly questions: QuestionRepository,
    private readonly languages: ContentLanguageRepository,
    private readonly drafts: DraftEditor,
  ) {}

  async list(access: AccessContext, versionId: string, query: QuestionListQuery): Promise<Page<Question>> {
    await this.drafts.readable(access, { version: versionId });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim();
    const { items, total } = await this.questions.findPage(this.dataSource.manager, {
      versionId,
      q: q ? q : undefined,
      tag: query.tag?.trim().toLowerCase() || undefined,
      kind: query.kind,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(access: AccessContext, id: string): Promise<Question> {
    await this.drafts.readable(access, { part: 'question', id });
    const question = await this.questions.findById(this.dataSource.manager, id);
    if (!question) throw new CourseContentNotFoundError('question', id);
    return question;
  }

  async create(access: AccessContext, versionId: string, request: SaveQuestionRequest): Promise<Question> {
    const id = await this.drafts.change(access, { version: versionId }, async (manager, version) => {
      const check = await this.languages.check();
      const question = checkedQuestion(check, request, version.defaultLanguage);
      check.done();
      return this.questions.insert(manager, versionId, question);
    });
    return this.get(access, id);
  }

  async replace(access: AccessContext, id: string, request: SaveQuestionRequest): Promise<Question> {
    await this.drafts.change(access, { part: 'question', id }, async (manager, version) => {
      const check = await this.languages.check();
      const question = checkedQuestion(check, request, version.defaultLanguage);
      check.done();
      await this.questions.replace(manager, id, question);
    });
    return this.get(access, id);
  }

  /** Refused (409) while a quiz holds the question as a fixed question. */
  async delete(access: AccessContext, id: string): Promise<void> {
    try {
      await this.drafts.change(access, { part: 'question', id }, async (manager) => {
        const question = await this.questions.findById(manager, id);
        if (question && question.usedByQuizCount > 0) throw inUse(question.usedByQuizCount);
        await this.questions.delete(manager, id);
      });
    } catch (error) {
      if (violates(error, 'fk_quiz_question_question')) throw inUse(1);
      throw error;
    }
  }
}

function inUse(quizzes: number): CourseContentInUseError {
  return new CourseContentInUseError(
    `${quizzes} ${quizzes === 1 ? 'quiz draws' : 'quizzes draw'} this question; take it out of ${quizzes === 1 ? 'that quiz' : 'them'} first`,
  );
}
