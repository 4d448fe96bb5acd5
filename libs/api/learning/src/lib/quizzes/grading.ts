import {
  ContentText,
  QuestionKind,
  QuestionOption,
  QuestionReview,
  QuizAnswer,
  ShortAnswerRule,
} from '@border-academy/shared-contracts';

/** A bank question with what grading needs, read only on the server. */
export interface GradedQuestion {
  id: string;
  kind: QuestionKind;
  options: QuestionOption[];
  correctBoolean: boolean | null;
  shortAnswer: ShortAnswerRule | null;
  feedbackCorrect: ContentText | null;
  feedbackIncorrect: ContentText | null;
  points: number;
}

export interface Grade {
  points: number;
  maxPoints: number;
  /** 0–100, rounded down for display; the pass decision uses the exact ratio. */
  scorePercent: number;
  passed: boolean;
  review: QuestionReview[];
}

function normalise(text: string, rule: ShortAnswerRule): string {
  const spaced = rule.normaliseWhitespace ? text.trim().replace(/\s+/gu, ' ') : text;
  return rule.caseSensitive ? spaced : spaced.toLocaleLowerCase();
}

/**
 * `*` any run of characters, `?` one character, everything else literal: matched by dynamic
 * programming over code points, so a trainer's pattern never reaches a regular-expression engine
 * and cannot backtrack catastrophically.
 */
export function matchesPattern(text: string, pattern: string): boolean {
  const t = [...text];
  const p = [...pattern];
  let row = new Array<boolean>(t.length + 1).fill(false);
  row[0] = true;
  for (const symbol of p) {
    const next = new Array<boolean>(t.length + 1).fill(false);
    if (symbol === '*') {
      let reachable = false;
      for (let i = 0; i <= t.length; i++) {
        reachable = reachable || (row[i] ?? false);
        next[i] = reachable;
      }
    } else {
      for (let i = 1; i <= t.length; i++) {
        next[i] = (row[i - 1] ?? false) && (symbol === '?' || symbol === t[i - 1]);
      }
    }
    row = next;
  }
  return row[t.length] ?? false;
}

function isCorrect(question: GradedQuestion, answer: QuizAnswer | undefined): boolean {
  if (!answer) return false;
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-choice': {
      const chosen = new Set(answer.optionIds ?? []);
      if (question.kind === 'single-choice' && chosen.size !== 1) return false;
      const correct = question.options.filter((option) => option.correct).map((option) => option.id);
      return chosen.size === correct.length && correct.every((id) => chosen.has(id));
    }
    case 'true-false':
      return answer.value !== undefined && answer.value === question.correctBoolean;
    case 'short-answer': {
      const rule = question.shortAnswer;
      if (!rule || answer.text === undefined) return false;
      const given = normalise(answer.text, rule);
      return rule.accepted.some((accepted) =>
        rule.match === 'exact'
          ? given === normalise(accepted, rule)
          : matchesPattern(given, normalise(accepted, rule)),
      );
    }
  }
}

function feedbackFor(question: GradedQuestion, answer: QuizAnswer | undefined, correct: boolean) {
  const chosen = question.options.find(
    (option) => option.feedback && (answer?.optionIds ?? []).includes(option.id),
  );
  return chosen?.feedback ?? (correct ? question.feedbackCorrect : question.feedbackIncorrect);
}

/** Grades an attempt: each question all or nothing; an unanswered question scores zero. */
export function gradeAttempt(
  questions: GradedQuestion[],
  answers: QuizAnswer[],
  passMarkPercent: number,
): Grade {
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  let points = 0;
  let maxPoints = 0;
  const review = questions.map((question): QuestionReview => {
    const answer = byQuestion.get(question.id);
    const correct = isCorrect(question, answer);
    maxPoints += question.points;
    if (correct) points += question.points;
    return {
      questionId: question.id,
      correct,
      pointsAwarded: correct ? question.points : 0,
      correctOptionIds: question.options.filter((option) => option.correct).map((option) => option.id),
      correctBoolean: question.kind === 'true-false' ? question.correctBoolean : null,
      acceptedAnswers: question.kind === 'short-answer' ? (question.shortAnswer?.accepted ?? []) : [],
      feedback: feedbackFor(question, answer, correct),
    };
  });
  // a quiz of zero-point questions is passed by taking it
  const passed = maxPoints === 0 || points * 100 >= passMarkPercent * maxPoints;
  const scorePercent = maxPoints === 0 ? 100 : Math.floor((points * 100) / maxPoints);
  return { points, maxPoints, scorePercent, passed, review };
}
