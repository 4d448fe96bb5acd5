import { Route } from '@angular/router';
import { Type } from '@angular/core';

// Relative dynamic imports, so that learning and the public verification page are their own lazily
// loaded chunks; importing them through the library's index would pull them into the initial bundle.
export const loadLearningRoutes = (): Promise<Route[]> =>
  import('./learning.routes').then((m) => m.LEARNING_ROUTES);

export const loadVerifyPage = (): Promise<Type<unknown>> =>
  import('./verify/verify-page').then((m) => m.VerifyPage);
