import { Type } from '@angular/core';

// A relative dynamic import, so that the catalogue is its own lazily loaded chunk.
export const loadCataloguePage = (): Promise<Type<unknown>> =>
  import('./catalogue/catalogue-page').then((m) => m.CataloguePage);
