import { Route } from '@angular/router';

// A relative dynamic import, so that the administration is its own lazily loaded chunk; importing it
// through the library's index would pull it into the initial bundle with the shell.
export const loadAdminRoutes = (): Promise<Route[]> => import('./admin.routes').then((m) => m.ADMIN_ROUTES);
