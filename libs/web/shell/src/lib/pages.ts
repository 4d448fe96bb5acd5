import { Type } from '@angular/core';

// Relative dynamic imports, so that each page becomes its own lazily loaded chunk; importing the
// pages through the library's index would pull them into the initial bundle with the shell.
export const loadHomePage = (): Promise<Type<unknown>> => import('./home/home').then((m) => m.Home);
export const loadNotFoundPage = (): Promise<Type<unknown>> =>
  import('./not-found/not-found').then((m) => m.NotFound);
