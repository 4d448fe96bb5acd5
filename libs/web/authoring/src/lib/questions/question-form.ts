import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  Question,
  QuestionKind,
  QuestionOption,
  SaveQuestionRequest,
} from '@border-academy/shared-contracts';

import {
  ContentTextGroup,
  contentTextGroup,
  contentTextOf,
  optionalContentText,
} from '../shared/content-text-form';

export type OptionForm = FormGroup<{
  id: FormControl<string>;
  text: ContentTextGroup;
  correct: FormControl<boolean>;
  feedback: ContentTextGroup;
}>;

export type QuestionForm = ReturnType<typeof questionForm>;

/** The next free option id of a question: `a`, `b`, … then `o27`, `o28`, … */
export function nextOptionId(taken: readonly string[]): string {
  for (let i = 0; ; i++) {
    const id = i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`;
    if (!taken.includes(id)) return id;
  }
}

export function optionForm(
  languages: string[],
  defaultLanguage: string,
  option?: QuestionOption,
): OptionForm {
  return new FormGroup({
    id: new FormControl(option?.id ?? 'a', { nonNullable: true }),
    text: contentTextGroup(languages, option?.text, { required: defaultLanguage, maxLength: 1000 }),
    correct: new FormControl(option?.correct ?? false, { nonNullable: true }),
    feedback: contentTextGroup(languages, option?.feedback, { maxLength: 2000 }),
  });
}

/** The editor's form of a question of any kind, filled from a saved one or empty. */
export function questionForm(languages: string[], defaultLanguage: string, question: Question | null) {
  const options = question?.options.length
    ? question.options.map((option) => optionForm(languages, defaultLanguage, option))
    : [optionForm(languages, defaultLanguage, undefined), optionForm(languages, defaultLanguage, undefined)];
  options.forEach((option, index) => {
    if (!question?.options.length)
      option.controls.id.setValue(nextOptionId(options.slice(0, index).map((o) => o.controls.id.value)));
  });
  return new FormGroup({
    kind: new FormControl<QuestionKind>(question?.kind ?? 'single-choice', { nonNullable: true }),
    stem: contentTextGroup(languages, question?.stem, { required: defaultLanguage, maxLength: 4000 }),
    options: new FormArray(options),
    correctBoolean: new FormControl(question?.correctBoolean ?? true, { nonNullable: true }),
    accepted: new FormControl(question?.shortAnswer?.accepted.join('\n') ?? '', { nonNullable: true }),
    match: new FormControl<'exact' | 'pattern'>(question?.shortAnswer?.match ?? 'exact', {
      nonNullable: true,
    }),
    caseSensitive: new FormControl(question?.shortAnswer?.caseSensitive ?? false, { nonNullable: true }),
    normaliseWhitespace: new FormControl(question?.shortAnswer?.normaliseWhitespace ?? true, {
      nonNullable: true,
    }),
    feedbackCorrect: contentTextGroup(languages, question?.feedbackCorrect, { maxLength: 2000 }),
    feedbackIncorrect: contentTextGroup(languages, question?.feedbackIncorrect, { maxLength: 2000 }),
    points: new FormControl(question?.points ?? 1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    tags: new FormControl(question?.tags.join(', ') ?? '', { nonNullable: true }),
  });
}

/** Tags as typed (`risk, Border checks`), trimmed, lower-cased and each once. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** Why the answers cannot be right for the kind, as a translation key; null when they can. */
export function answerProblem(form: QuestionForm): string | null {
  const value = form.getRawValue();
  if (value.kind === 'single-choice' || value.kind === 'multiple-choice') {
    if (value.options.length < 2) return 'authoring.question.problems.twoOptions';
    const correct = value.options.filter((option) => option.correct).length;
    if (value.kind === 'single-choice' && correct !== 1) return 'authoring.question.problems.oneCorrect';
    if (value.kind === 'multiple-choice' && correct < 1) return 'authoring.question.problems.someCorrect';
  }
  if (value.kind === 'short-answer' && value.accepted.split('\n').every((line) => line.trim() === '')) {
    return 'authoring.question.problems.accepted';
  }
  return null;
}

/** The request the server takes: only what the kind uses. */
export function questionRequest(form: QuestionForm): SaveQuestionRequest {
  const value = form.getRawValue();
  const choice = value.kind === 'single-choice' || value.kind === 'multiple-choice';
  return {
    kind: value.kind,
    stem: contentTextOf(form.controls.stem),
    options: choice
      ? form.controls.options.controls.map((option) => ({
          id: option.controls.id.value,
          text: contentTextOf(option.controls.text),
          correct: option.controls.correct.value,
          feedback: optionalContentText(option.controls.feedback),
        }))
      : [],
    correctBoolean: value.kind === 'true-false' ? value.correctBoolean : null,
    shortAnswer:
      value.kind === 'short-answer'
        ? {
            accepted: value.accepted
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== ''),
            match: value.match,
            caseSensitive: value.caseSensitive,
            normaliseWhitespace: value.normaliseWhitespace,
          }
        : null,
    feedbackCorrect: optionalContentText(form.controls.feedbackCorrect),
    feedbackIncorrect: optionalContentText(form.controls.feedbackIncorrect),
    points: value.points,
    tags: parseTags(value.tags),
  };
}
