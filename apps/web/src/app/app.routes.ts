import { Route } from '@angular/router';
import { requireAnyRole, requireRole, requireSignedIn } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';
import { loadAdminRoutes } from '@border-academy/web-admin';
import { loadAuthoringRoutes } from '@border-academy/web-authoring';
import { loadProfilePage, loadResetPasswordPage, loadSignInPage } from '@border-academy/web-identity';
import { loadHrRoutes } from '@border-academy/web-hr';
import { loadLearningRoutes, loadVerifyPage } from '@border-academy/web-learning';
import { loadHomePage, loadNotFoundPage } from '@border-academy/web-shell';

/** Titles are translation keys; the translated title strategy turns them into the document title. */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', title: i18nKey('home.pageTitle'), loadComponent: loadHomePage },
  { path: 'sign-in', title: i18nKey('signIn.pageTitle'), loadComponent: loadSignInPage },
  {
    path: 'reset-password/:token',
    title: i18nKey('resetPassword.pageTitle'),
    loadComponent: loadResetPasswordPage,
  },
  {
    path: 'profile',
    title: i18nKey('profile.pageTitle'),
    canActivate: [requireSignedIn],
    runGuardsAndResolvers: 'always',
    loadComponent: loadProfilePage,
  },
  {
    path: 'learning',
    canActivate: [requireRole('learner')],
    runGuardsAndResolvers: 'always',
    loadChildren: loadLearningRoutes,
  },
  // public: anyone holding a certificate's QR code checks it without an account
  {
    path: 'verify/:code',
    title: i18nKey('learning.verify.pageTitle'),
    loadComponent: loadVerifyPage,
  },
  {
    path: 'authoring',
    title: i18nKey('areas.authoring.title'),
    // reviewers publish, admins may do both; the API checks each request on the course's unit
    canActivate: [requireAnyRole('trainer', 'reviewer', 'admin')],
    runGuardsAndResolvers: 'always',
    loadChildren: loadAuthoringRoutes,
  },
  {
    path: 'staff',
    title: i18nKey('areas.staff.title'),
    // guards run again on every navigation, so a session that ends while a page is open leaves no staff data
    canActivate: [requireRole('hr')],
    runGuardsAndResolvers: 'always',
    loadChildren: loadHrRoutes,
  },
  {
    path: 'admin',
    title: i18nKey('areas.administration.title'),
    canActivate: [requireRole('admin')],
    runGuardsAndResolvers: 'always',
    loadChildren: loadAdminRoutes,
  },
  { path: '**', title: i18nKey('notFound.pageTitle'), loadComponent: loadNotFoundPage },
];
