import {
  CourseLevel,
  CourseStatus,
  CourseVersionStatus,
  LessonKind,
  QuestionKind,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { i18nKey } from '@border-academy/web-i18n';

/** The translation keys of the authoring's fixed values. */
export const AREA_LABELS: Record<ThematicArea, string> = {
  IBM: i18nKey('authoring.areas.IBM'),
  MIGRATION: i18nKey('authoring.areas.MIGRATION'),
  TRADE: i18nKey('authoring.areas.TRADE'),
};

export const LEVEL_LABELS: Record<CourseLevel, string> = {
  basic: i18nKey('authoring.levels.basic'),
  intermediate: i18nKey('authoring.levels.intermediate'),
  advanced: i18nKey('authoring.levels.advanced'),
};

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  draft: i18nKey('authoring.status.draft'),
  in_review: i18nKey('authoring.status.in_review'),
  published: i18nKey('authoring.status.published'),
  archived: i18nKey('authoring.status.archived'),
};

export const VERSION_STATUS_LABELS: Record<CourseVersionStatus, string> = {
  draft: i18nKey('authoring.status.draft'),
  in_review: i18nKey('authoring.status.in_review'),
  published: i18nKey('authoring.status.published'),
};

export const LESSON_KIND_LABELS: Record<LessonKind, string> = {
  text: i18nKey('authoring.lessonKinds.text'),
  video: i18nKey('authoring.lessonKinds.video'),
  document: i18nKey('authoring.lessonKinds.document'),
  link: i18nKey('authoring.lessonKinds.link'),
  quiz: i18nKey('authoring.lessonKinds.quiz'),
};

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  'single-choice': i18nKey('authoring.questionKinds.single-choice'),
  'multiple-choice': i18nKey('authoring.questionKinds.multiple-choice'),
  'true-false': i18nKey('authoring.questionKinds.true-false'),
  'short-answer': i18nKey('authoring.questionKinds.short-answer'),
};
