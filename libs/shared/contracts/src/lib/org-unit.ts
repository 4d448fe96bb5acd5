import { LocalizedText } from './language';

/** Levels of the organisation tree, from the top: country → agency → directorate/region → post → unit. */
export const ORG_UNIT_KINDS = ['country', 'agency', 'directorate', 'region', 'border_post', 'unit'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnit {
  id: string;
  /** Stable, human-readable code, unique across the tree (`kz-customs-almaty`). */
  code: string;
  kind: OrgUnitKind;
  name: LocalizedText;
  parentId: string | null;
  /** Codes of the ancestors and the unit itself, joined by dots (`kz.kz-customs.kz-customs-almaty`). */
  path: string;
  /** 0 for a root unit. */
  depth: number;
  childCount: number;
}

export interface OrgUnitListQuery {
  page?: number;
  pageSize?: number;
  /** Only the direct children of this unit. */
  parentId?: string;
  /** Case-insensitive search in the code and the names. */
  q?: string;
}
