import { OrgUnitEntity } from './org-unit.entity';
import { SeedRunEntity } from './seed-run.entity';

export { OrgUnitEntity, SeedRunEntity };

/** Every entity the DataSource knows; migrations are generated against this list. */
export const ENTITIES = [OrgUnitEntity, SeedRunEntity];
