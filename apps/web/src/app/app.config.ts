import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, isDevMode, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import {
  acceptLanguageInterceptor,
  authInterceptor,
  problemInterceptor,
  provideAuthSession,
} from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';
import { provideSessionExpiredDialog } from '@border-academy/web-identity';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // The auth interceptor sits inside the problem interceptor, so it sees a raw 401 and can renew
    // the session before the failure is turned into an ApiError and shown.
    provideHttpClient(
      withFetch(),
      withInterceptors([acceptLanguageInterceptor, problemInterceptor, authInterceptor]),
    ),
    provideI18n(),
    provideAuthSession(),
    provideSessionExpiredDialog(),
    // Keeps the app shell and the lessons already read available without a network (production builds
    // only: a worker caching a dev server's files would serve stale code).
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
