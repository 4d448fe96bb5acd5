import { Type } from '@angular/core';

// Relative dynamic imports, so that each page becomes its own lazily loaded chunk.
export const loadSignInPage = (): Promise<Type<unknown>> => import('./sign-in/sign-in').then((m) => m.SignIn);
export const loadProfilePage = (): Promise<Type<unknown>> =>
  import('./profile/profile').then((m) => m.Profile);
export const loadResetPasswordPage = (): Promise<Type<unknown>> =>
  import('./reset-password/reset-password').then((m) => m.ResetPassword);
