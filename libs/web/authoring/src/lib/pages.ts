import { Route } from '@angular/router';

// A relative dynamic import, so that authoring is its own lazily loaded chunk; importing it through the
// library's index would pull it into the initial bundle with the shell.
export const loadAuthoringRoutes = (): Promise<Route[]> =>
  import('./authoring.routes').then((m) => m.AUTHORING_ROUTES);
