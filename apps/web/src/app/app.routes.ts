import { Route } from '@angular/router';
import { Role } from '@border-academy/shared-contracts';
import { requireAnyRole, requireRole, requireSignedIn } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';
import { loadAdminRoutes } from '@border-academy/web-admin';
import { loadAuthoringRoutes } from '@border-academy/web-authoring';
import { loadProfilePage, loadResetPasswordPage, loadSignInPage } from '@border-academy/web-identity';
import { loadLearningRoutes, loadVerifyPage } from '@border-academy/web-learning';
import { Area, loadAreaPlaceholderPage, loadHomePage, loadNotFoundPage } from '@border-academy/web-shell';

/**
 * A role's area. Guards run again on every navigation, even to the same URL, so that a session that
 * ends while the page is open sends the user to sign in instead of leaving private content on screen.
 */
function roleArea(path: string, role: Role, area: Area, title: string): Route {
  return {
    path,
    title,
    canActivate: [requireRole(role)],
    runGuardsAndResolvers: 'always',
    data: { area },
    loadComponent: loadAreaPlaceholderPage,
  };
}

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
  roleArea('staff', 'hr', 'staff', i18nKey('areas.staff.title')),
  {
    path: 'admin',
    title: i18nKey('areas.administration.title'),
    canActivate: [requireRole('admin')],
    runGuardsAndResolvers: 'always',
    loadChildren: loadAdminRoutes,
  },
  { path: '**', title: i18nKey('notFound.pageTitle'), loadComponent: loadNotFoundPage },
];
