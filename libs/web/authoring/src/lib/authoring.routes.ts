import { Route } from '@angular/router';
import { i18nKey } from '@border-academy/web-i18n';

import { AuthoringLayout } from './layout/authoring-layout';
import { VersionLayout } from './version/version-layout';

/** Authoring: the course list and review queue under one heading, each course and version its own page. */
export const AUTHORING_ROUTES: Route[] = [
  {
    path: '',
    component: AuthoringLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: i18nKey('authoring.courses.pageTitle'),
        loadComponent: () => import('./courses/courses-page').then((m) => m.CoursesPage),
      },
      {
        path: 'reviews',
        title: i18nKey('authoring.reviews.pageTitle'),
        loadComponent: () => import('./reviews/review-queue-page').then((m) => m.ReviewQueuePage),
      },
    ],
  },
  {
    path: 'courses/:courseId',
    title: i18nKey('authoring.course.pageTitle'),
    loadComponent: () => import('./course/course-page').then((m) => m.CoursePage),
  },
  {
    path: 'versions/:versionId',
    component: VersionLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: i18nKey('authoring.outline.pageTitle'),
        loadComponent: () => import('./version/outline-editor').then((m) => m.OutlineEditor),
      },
      {
        path: 'questions',
        title: i18nKey('authoring.bank.pageTitle'),
        loadComponent: () => import('./questions/question-bank-page').then((m) => m.QuestionBankPage),
      },
      {
        path: 'quizzes',
        title: i18nKey('authoring.quizzes.pageTitle'),
        loadComponent: () => import('./quizzes/quizzes-page').then((m) => m.QuizzesPage),
      },
      {
        path: 'translations',
        title: i18nKey('authoring.translations.pageTitle'),
        loadComponent: () => import('./translations/translations-page').then((m) => m.TranslationsPage),
      },
      {
        path: 'questions/new',
        title: i18nKey('authoring.question.newPageTitle'),
        loadComponent: () => import('./questions/question-editor').then((m) => m.QuestionEditor),
      },
      {
        path: 'questions/:questionId',
        title: i18nKey('authoring.question.pageTitle'),
        loadComponent: () => import('./questions/question-editor').then((m) => m.QuestionEditor),
      },
      {
        path: 'quizzes/new',
        title: i18nKey('authoring.quiz.newPageTitle'),
        loadComponent: () => import('./quizzes/quiz-editor').then((m) => m.QuizEditor),
      },
      {
        path: 'quizzes/:quizId',
        title: i18nKey('authoring.quiz.pageTitle'),
        loadComponent: () => import('./quizzes/quiz-editor').then((m) => m.QuizEditor),
      },
      {
        path: 'lessons/:lessonId',
        title: i18nKey('authoring.lesson.pageTitle'),
        loadComponent: () => import('./lesson/lesson-editor').then((m) => m.LessonEditor),
      },
    ],
  },
];
