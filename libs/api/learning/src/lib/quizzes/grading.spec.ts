import { GradedQuestion, gradeAttempt, matchesPattern } from './grading';

const base = {
  options: [],
  correctBoolean: null,
  shortAnswer: null,
  feedbackCorrect: { en: 'Right' },
  feedbackIncorrect: { en: 'Wrong' },
  points: 1,
};

const single: GradedQuestion = {
  ...base,
  id: 'q1',
  kind: 'single-choice',
  options: [
    { id: 'a', text: { en: 'A' }, correct: false, feedback: { en: 'Not A' } },
    { id: 'b', text: { en: 'B' }, correct: true, feedback: null },
  ],
};
const multiple: GradedQuestion = {
  ...base,
  id: 'q2',
  kind: 'multiple-choice',
  points: 2,
  options: [
    { id: 'a', text: { en: 'A' }, correct: true, feedback: null },
    { id: 'b', text: { en: 'B' }, correct: true, feedback: null },
    { id: 'c', text: { en: 'C' }, correct: false, feedback: null },
  ],
};
const trueFalse: GradedQuestion = { ...base, id: 'q3', kind: 'true-false', correctBoolean: false };
const shortPattern: GradedQuestion = {
  ...base,
  id: 'q4',
  kind: 'short-answer',
  shortAnswer: {
    accepted: ['single win*'],
    match: 'pattern',
    caseSensitive: false,
    normaliseWhitespace: true,
  },
};
const shortExact: GradedQuestion = {
  ...base,
  id: 'q5',
  kind: 'short-answer',
  shortAnswer: { accepted: ['Таможня'], match: 'exact', caseSensitive: true, normaliseWhitespace: false },
};

describe('grading', () => {
  it('matches * and ? literally otherwise, without a regular expression', () => {
    expect(matchesPattern('single window', 'single win*')).toBe(true);
    expect(matchesPattern('single wind', 'single win?')).toBe(true);
    expect(matchesPattern('single winds', 'single win?')).toBe(false);
    expect(matchesPattern('a.b', 'a.b')).toBe(true);
    expect(matchesPattern('axb', 'a.b')).toBe(false);
    expect(matchesPattern('', '*')).toBe(true);
    expect(matchesPattern('a'.repeat(2000), '*a*a*a*a*a*b')).toBe(false);
  });

  it('scores each kind all or nothing and passes on the exact ratio', () => {
    const grade = gradeAttempt(
      [single, multiple, trueFalse, shortPattern, shortExact],
      [
        { questionId: 'q1', optionIds: ['b'] },
        { questionId: 'q2', optionIds: ['a'] },
        { questionId: 'q3', value: false },
        { questionId: 'q4', text: '  SINGLE   Window ' },
        { questionId: 'q5', text: 'таможня' },
      ],
      50,
    );
    expect(grade.review.map((question) => question.correct)).toEqual([true, false, true, true, false]);
    expect(grade).toMatchObject({ points: 3, maxPoints: 6, scorePercent: 50, passed: true });
    expect(
      gradeAttempt([single, multiple, trueFalse], [{ questionId: 'q1', optionIds: ['b'] }], 34),
    ).toMatchObject({ points: 1, maxPoints: 4, passed: false });
  });

  it('refuses a single-choice answer naming several options, and scores unanswered questions zero', () => {
    const grade = gradeAttempt([single, trueFalse], [{ questionId: 'q1', optionIds: ['a', 'b'] }], 0);
    expect(grade.review.map((question) => question.correct)).toEqual([false, false]);
  });

  it('reviews with the chosen option feedback first, then the question feedback', () => {
    const grade = gradeAttempt([single, trueFalse], [{ questionId: 'q1', optionIds: ['a'] }], 100);
    expect(grade.review[0]).toMatchObject({ correctOptionIds: ['b'], feedback: { en: 'Not A' } });
    expect(grade.review[1]).toMatchObject({ correctBoolean: false, feedback: { en: 'Wrong' } });
  });
});
