import type { AnyRoute } from '../route.js';
import { accountRoutes } from './accounts.js';
import { mapRoutes } from './map.js';
import { networkRoutes } from './network.js';
import { peopleRoutes } from './people.js';
import { relationshipRoutes } from './relationship.js';
import { workspaceRoutes } from './workspace.js';

/**
 * Every route of the API. The authorization matrix test walks this table: a route added here
 * is checked for 401 / 403 / 404 / success without anyone writing a test for it.
 */
export const ROUTES: AnyRoute[] = [
  ...accountRoutes,
  ...peopleRoutes,
  ...relationshipRoutes,
  ...mapRoutes,
  ...networkRoutes,
  ...workspaceRoutes,
];
