import {
  COMPLIANCE_SORTS,
  ComplianceQuery,
  ComplianceSort,
  DEFAULT_PAGE_SIZE,
  QUALIFICATION_STATUSES,
  THEMATIC_AREAS,
} from '@border-academy/shared-contracts';
import { oneOf, pageFrom, pageSizeFrom, urlQuery } from '@border-academy/web-admin/shared';

/** The compliance view's query parameters as the URL holds them (strings, any of them absent). */
export interface ComplianceUrlParams {
  unitId?: string;
  positionId?: string;
  area?: string;
  status?: string;
  q?: string;
  sort?: string;
  page?: string;
  pageSize?: string;
}

/** The order of the matrix when the URL names none. */
export const DEFAULT_COMPLIANCE_SORT: ComplianceSort = 'name';

/** The matrix's query from the URL: values that are not allowed count as not given. */
export function complianceQueryFrom(params: ComplianceUrlParams): ComplianceQuery {
  return {
    unitId: params.unitId?.trim() || undefined,
    positionId: params.positionId?.trim() || undefined,
    area: oneOf(params.area, THEMATIC_AREAS),
    status: oneOf(params.status, QUALIFICATION_STATUSES),
    q: params.q?.trim() || undefined,
    sort: oneOf(params.sort, COMPLIANCE_SORTS) ?? DEFAULT_COMPLIANCE_SORT,
    page: pageFrom(params.page),
    pageSize: pageSizeFrom(params.pageSize),
  };
}

/** The URL's query for a matrix query: what is the default (first page, order by name) is left out. */
export function complianceUrlQuery(query: ComplianceQuery): Record<string, string> {
  return urlQuery({
    unitId: query.unitId,
    positionId: query.positionId,
    area: query.area,
    status: query.status,
    q: query.q,
    sort: query.sort === DEFAULT_COMPLIANCE_SORT ? undefined : query.sort,
    page: query.page === 1 ? undefined : query.page,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? undefined : query.pageSize,
  });
}

/** The filters alone, for the counts and the export, which cover every row, not a page of them. */
export function complianceFilters(query: ComplianceQuery): ComplianceQuery {
  return {
    unitId: query.unitId,
    positionId: query.positionId,
    area: query.area,
    status: query.status,
    q: query.q,
  };
}

/** Whether anything narrows the matrix, so an empty result says "no matches" rather than "no one". */
export function isFiltered(query: ComplianceQuery): boolean {
  return !!(query.unitId || query.positionId || query.area || query.status || query.q);
}
