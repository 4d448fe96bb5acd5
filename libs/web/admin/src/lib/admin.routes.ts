import { Route } from '@angular/router';
import { i18nKey } from '@border-academy/web-i18n';

import { AdminLayout } from './layout/admin-layout';

/** The administration: one tab per section, each page its own lazily loaded chunk. */
export const ADMIN_ROUTES: Route[] = [
  {
    path: '',
    component: AdminLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: i18nKey('admin.users.pageTitle'),
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'users/new',
        title: i18nKey('admin.user.newPageTitle'),
        loadComponent: () => import('./users/user-page').then((m) => m.UserPage),
      },
      {
        path: 'users/:id',
        title: i18nKey('admin.user.pageTitle'),
        loadComponent: () => import('./users/user-page').then((m) => m.UserPage),
      },
      {
        path: 'org',
        title: i18nKey('admin.org.pageTitle'),
        loadComponent: () => import('./org/org-page').then((m) => m.OrgPage),
      },
      {
        path: 'positions',
        title: i18nKey('admin.positions.pageTitle'),
        loadComponent: () => import('./positions/positions-page').then((m) => m.PositionsPage),
      },
      {
        path: 'import',
        title: i18nKey('admin.import.pageTitle'),
        loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
      },
      {
        path: 'audit',
        title: i18nKey('admin.audit.pageTitle'),
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
      },
    ],
  },
];
