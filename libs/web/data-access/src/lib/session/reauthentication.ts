import { InjectionToken } from '@angular/core';

/**
 * Asks the person whose session ended to sign in again over the page they are on, so that what they
 * typed there is kept; resolves true once they have (the session is then running again), false when
 * they chose to leave. Provided by the app; without it an ended session goes to the sign-in page.
 */
export type ReauthenticationPrompt = (login: string) => Promise<boolean>;

export const REAUTHENTICATION_PROMPT = new InjectionToken<ReauthenticationPrompt>(
  'border-academy.reauthentication-prompt',
);
