import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguagePreference } from '@border-academy/web-i18n';

/** Asks the API to answer (problem titles, details, field messages) in the language the user chose. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.headers.has('Accept-Language')) return next(request);
  const language = inject(LanguagePreference).active();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
