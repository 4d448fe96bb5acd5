/** One page of a list. Every list the API returns is paginated in this shape. */
export interface Page<T> {
  items: T[];
  /** Number of items matching the query across all pages. */
  total: number;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
