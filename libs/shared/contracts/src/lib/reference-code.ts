/**
 * Codes of org units and positions: lower-case Latin letters and digits in dash-separated words
 * (`kz-customs-almaty`). Org unit codes become the dot-joined segments of tree paths matched with LIKE,
 * so dots, `%` and `_` must never appear in them; the database checks the same pattern.
 */
export const REFERENCE_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const REFERENCE_CODE_MAX_LENGTH = 64;
/** The longest name, in any language, of an org unit or a position. */
export const REFERENCE_NAME_MAX_LENGTH = 200;
