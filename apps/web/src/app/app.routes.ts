import { Route } from '@angular/router';
import { i18nKey } from '@border-academy/web-i18n';
import { loadSignInPage } from '@border-academy/web-identity';
import { loadHomePage, loadNotFoundPage } from '@border-academy/web-shell';

/** Titles are translation keys; the translated title strategy turns them into the document title. */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', title: i18nKey('home.pageTitle'), loadComponent: loadHomePage },
  { path: 'sign-in', title: i18nKey('signIn.pageTitle'), loadComponent: loadSignInPage },
  { path: '**', title: i18nKey('notFound.pageTitle'), loadComponent: loadNotFoundPage },
];
