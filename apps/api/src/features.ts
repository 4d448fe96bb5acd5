import { Type } from '@nestjs/common';
import { AuthoringModule } from '@border-academy/api-authoring';
import { IdentityModule, UserImportModule } from '@border-academy/api-identity';
import { LearningModule } from '@border-academy/api-learning';
import { OrgModule } from '@border-academy/api-org';
import { QualificationsModule } from '@border-academy/api-qualifications';

/** The domain modules that make up the API; the authorization matrix test builds the app from the same list. */
export const API_FEATURES: Type[] = [
  IdentityModule,
  OrgModule,
  UserImportModule,
  AuthoringModule,
  LearningModule,
  QualificationsModule,
];
