import { competenciesSeed, demoCoursesSeed } from './demo-courses.seed';
import { demoLearningSeed } from './demo-learning.seed';
import { demoQualificationsSeed } from './demo-qualifications.seed';
import { demoReviewersSeed, demoUsersSeed } from './demo-users.seed';
import { orgUnitsSeed } from './org-units.seed';
import { SeedStep } from './seed-registry';

export * from './demo-courses.seed';
export * from './demo-learning.seed';
export * from './demo-qualifications.seed';
export * from './demo-users.seed';
export * from './org-units.seed';
export * from './seed-registry';

/** Every seed step, in order; later features append theirs. */
export const SEED_STEPS: readonly SeedStep[] = [
  orgUnitsSeed,
  demoUsersSeed,
  demoReviewersSeed,
  competenciesSeed,
  demoCoursesSeed,
  demoLearningSeed,
  demoQualificationsSeed,
];
