import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
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
  ],
};
