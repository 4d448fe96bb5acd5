import { Route } from '@angular/router';
import { i18nKey } from '@border-academy/web-i18n';

import { LearningLayout } from './layout/learning-layout';

/** Learning: the catalogue and my learning under one bar; each course and lesson its own page. */
export const LEARNING_ROUTES: Route[] = [
  {
    path: '',
    component: LearningLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: i18nKey('learning.catalogue.pageTitle'),
        loadComponent: () => import('./catalogue/catalogue-page').then((m) => m.CataloguePage),
      },
      {
        path: 'my',
        title: i18nKey('learning.my.pageTitle'),
        loadComponent: () => import('./my-learning/my-learning-page').then((m) => m.MyLearningPage),
      },
    ],
  },
  {
    path: 'courses/:courseId',
    title: i18nKey('learning.course.pageTitle'),
    loadComponent: () => import('./course/learner-course-page').then((m) => m.LearnerCoursePage),
  },
  {
    path: 'enrolments/:enrolmentId/lessons/:lessonId',
    title: i18nKey('learning.player.pageTitle'),
    loadComponent: () => import('./player/lesson-player').then((m) => m.LessonPlayer),
  },
];
