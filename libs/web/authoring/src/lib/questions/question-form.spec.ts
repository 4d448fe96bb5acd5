import { Question } from '@border-academy/shared-contracts';

import { answerProblem, nextOptionId, parseTags, questionForm, questionRequest } from './question-form';

const LANGUAGES = ['en', 'ru'];

describe('the question editor’s form', () => {
  it('starts a new question with two options a and b, needing the stem in the default language', () => {
    const form = questionForm(LANGUAGES, 'en', null);
    expect(form.controls.options.controls.map((option) => option.controls.id.value)).toEqual(['a', 'b']);
    expect(form.controls.stem.controls['en'].hasError('required')).toBe(true);
    expect(form.controls.stem.controls['ru'].hasError('required')).toBe(false);
  });

  it('asks a single-choice question for exactly one correct option and a multiple-choice one for at least one', () => {
    const form = questionForm(LANGUAGES, 'en', null);
    expect(answerProblem(form)).toBe('authoring.question.problems.oneCorrect');
    form.controls.options.at(0).controls.correct.setValue(true);
    expect(answerProblem(form)).toBeNull();
    form.controls.options.at(1).controls.correct.setValue(true);
    expect(answerProblem(form)).toBe('authoring.question.problems.oneCorrect');
    form.controls.kind.setValue('multiple-choice');
    expect(answerProblem(form)).toBeNull();
  });

  it('asks a short-answer question for at least one accepted answer', () => {
    const form = questionForm(LANGUAGES, 'en', null);
    form.controls.kind.setValue('short-answer');
    form.controls.accepted.setValue('  \n ');
    expect(answerProblem(form)).toBe('authoring.question.problems.accepted');
  });

  it('sends only what the kind uses, with blank translations left out', () => {
    const form = questionForm(LANGUAGES, 'en', null);
    form.controls.kind.setValue('short-answer');
    form.controls.stem.setValue({ en: 'Which document opens the border crossing?', ru: '' });
    form.controls.accepted.setValue('passport\n  travel document \n');
    form.controls.match.setValue('pattern');
    form.controls.tags.setValue('Documents, checks, documents');
    expect(questionRequest(form)).toEqual({
      kind: 'short-answer',
      stem: { en: 'Which document opens the border crossing?' },
      options: [],
      correctBoolean: null,
      shortAnswer: {
        accepted: ['passport', 'travel document'],
        match: 'pattern',
        caseSensitive: false,
        normaliseWhitespace: true,
      },
      feedbackCorrect: null,
      feedbackIncorrect: null,
      points: 1,
      tags: ['documents', 'checks'],
    });
  });

  it('keeps the ids and answers of a saved question', () => {
    const saved: Question = {
      id: 'q1',
      versionId: 'v1',
      kind: 'true-false',
      stem: { en: 'Risk analysis guides checks', ru: 'Анализ рисков направляет проверки' },
      options: [],
      correctBoolean: false,
      shortAnswer: null,
      feedbackCorrect: { en: 'Right' },
      feedbackIncorrect: null,
      points: 2,
      tags: ['risk'],
      usedByQuizCount: 1,
    };
    const request = questionRequest(questionForm(LANGUAGES, 'en', saved));
    expect(request.correctBoolean).toBe(false);
    expect(request.stem).toEqual(saved.stem);
    expect(request.feedbackCorrect).toEqual({ en: 'Right' });
    expect(request.points).toBe(2);
  });

  it('finds the next free option id and parses tags', () => {
    expect(nextOptionId(['a', 'c'])).toBe('b');
    expect(parseTags(' a, ,B ')).toEqual(['a', 'b']);
  });
});
