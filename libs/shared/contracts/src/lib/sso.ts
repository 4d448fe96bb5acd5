/** Whether the sign-in page offers single sign-on, and the provider's name for its button. */
export interface SsoStatus {
  enabled: boolean;
  /** Set when enabled, e.g. "Agency account". */
  displayName?: string;
}

/**
 * Why a single sign-on came back without a session; the API sends the browser to the sign-in page
 * with one of these in the `ssoError` query parameter.
 * - `denied`: the provider refused or the person cancelled there
 * - `expired`: the sign-in took too long, or was started in another browser window
 * - `claims`: the provider did not say who the person is in a form the platform can use
 * - `suspended`: the account is suspended on the platform
 * - `failed`: the provider could not be reached or answered something invalid
 */
export const SSO_ERRORS = ['denied', 'expired', 'claims', 'suspended', 'failed'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

/** The query parameter of the sign-in page that carries an SsoError. */
export const SSO_ERROR_PARAM = 'ssoError';
