import { ContentText, CourseVersion } from '@border-academy/shared-contracts';

/** What a learner-facing text belongs to, so a change is sent to the right place. */
export type TextOwner =
  | { kind: 'version-title' }
  | { kind: 'version-description' }
  | { kind: 'module'; id: string }
  | { kind: 'lesson'; id: string }
  | { kind: 'quiz'; id: string };

export interface TranslationRow {
  key: string;
  owner: TextOwner;
  /** Translation key of what the text is (title, description, module, lesson, quiz). */
  label: string;
  /** 1-based place in the outline, for module and lesson rows. */
  place: string | null;
  text: ContentText;
  /** Quizzes are translated in their editor: their texts are saved with the whole quiz. */
  editableHere: boolean;
}

/** Every learner-facing text of a version that the outline holds, in the order a learner meets them. */
export function translationRows(version: CourseVersion): TranslationRow[] {
  const rows: TranslationRow[] = [
    {
      key: 'version-title',
      owner: { kind: 'version-title' },
      label: 'authoring.translations.kinds.title',
      place: null,
      text: version.title,
      editableHere: true,
    },
    {
      key: 'version-description',
      owner: { kind: 'version-description' },
      label: 'authoring.translations.kinds.description',
      place: null,
      text: version.description ?? {},
      editableHere: true,
    },
  ];
  version.modules.forEach((module, m) => {
    rows.push({
      key: `module-${module.id}`,
      owner: { kind: 'module', id: module.id },
      label: 'authoring.translations.kinds.module',
      place: `${m + 1}`,
      text: module.title,
      editableHere: true,
    });
    module.lessons.forEach((lesson, l) =>
      rows.push({
        key: `lesson-${lesson.id}`,
        owner: { kind: 'lesson', id: lesson.id },
        label: 'authoring.translations.kinds.lesson',
        place: `${m + 1}.${l + 1}`,
        text: lesson.title,
        editableHere: true,
      }),
    );
  });
  for (const quiz of version.quizzes) {
    rows.push({
      key: `quiz-${quiz.id}`,
      owner: { kind: 'quiz', id: quiz.id },
      label: 'authoring.translations.kinds.quiz',
      place: null,
      text: quiz.title,
      editableHere: false,
    });
  }
  return rows;
}

/** The text with the target language's value changed (removed when blank). */
export function withTranslation(text: ContentText, language: string, value: string): ContentText {
  const next = { ...text };
  if (value.trim() === '') delete next[language];
  else next[language] = value.trim();
  return next;
}
