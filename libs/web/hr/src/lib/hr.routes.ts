import { Route } from '@angular/router';
import { i18nKey } from '@border-academy/web-i18n';

import { HrLayout } from './layout/hr-layout';

/** The staff area: compliance, the expiring and overdue lists, assignments and qualifications, one tab each. */
export const HR_ROUTES: Route[] = [
  {
    path: '',
    component: HrLayout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: i18nKey('hr.compliance.pageTitle'),
        loadComponent: () => import('./compliance/compliance-page').then((m) => m.CompliancePage),
      },
      {
        path: 'people/:userId',
        title: i18nKey('hr.person.pageTitle'),
        loadComponent: () => import('./person/person-page').then((m) => m.PersonPage),
      },
      {
        path: 'expiring',
        title: i18nKey('hr.expiring.pageTitle'),
        loadComponent: () => import('./lists/expiring-page').then((m) => m.ExpiringPage),
      },
      {
        path: 'overdue',
        title: i18nKey('hr.overdue.pageTitle'),
        loadComponent: () => import('./lists/overdue-page').then((m) => m.OverduePage),
      },
      {
        path: 'records',
        title: i18nKey('hr.records.pageTitle'),
        loadComponent: () => import('./records/training-records-page').then((m) => m.TrainingRecordsPage),
      },
      {
        path: 'assignments',
        title: i18nKey('hr.assignments.pageTitle'),
        loadComponent: () => import('./assignments/assignments-page').then((m) => m.AssignmentsPage),
      },
      {
        path: 'qualifications',
        title: i18nKey('hr.qualifications.pageTitle'),
        loadComponent: () => import('./qualifications/qualifications-page').then((m) => m.QualificationsPage),
      },
    ],
  },
];
