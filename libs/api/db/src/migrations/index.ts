import { CreateOrgUnit1764300000000 } from './1764300000000-CreateOrgUnit';

/** Every migration, oldest first; the generate script appends new ones here. */
export const MIGRATIONS = [CreateOrgUnit1764300000000];
