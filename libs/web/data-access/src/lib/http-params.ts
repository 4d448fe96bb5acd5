import { HttpParams } from '@angular/common/http';

/** Drops the parameters that are not set, so the URL carries only what the caller asked for. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(name, String(value));
  }
  return params;
}
