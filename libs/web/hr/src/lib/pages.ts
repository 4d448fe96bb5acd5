import { Route } from '@angular/router';

// A relative dynamic import, so that the staff area is its own lazily loaded chunk; importing it through
// the library's index would pull it into the initial bundle.
export const loadHrRoutes = (): Promise<Route[]> => import('./hr.routes').then((m) => m.HR_ROUTES);
