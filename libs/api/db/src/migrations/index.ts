import { CreateOrgUnit1764300000000 } from './1764300000000-CreateOrgUnit';
import { CreateIdentity1764400000000 } from './1764400000000-CreateIdentity';
import { AddPositionNameIndexes1764500000000 } from './1764500000000-AddPositionNameIndexes';
import { CreateUserImport1764700000000 } from './1764700000000-CreateUserImport';
import { CreateExternalIdentity1764800000000 } from './1764800000000-CreateExternalIdentity';
import { AddOrgUnitStatus1764900000000 } from './1764900000000-AddOrgUnitStatus';
import { AddPasswordResetRevokedAt1765000000000 } from './1765000000000-AddPasswordResetRevokedAt';
import { AddUserSearchTrigramIndex1765100000000 } from './1765100000000-AddUserSearchTrigramIndex';
import { CreateCourseAuthoring1765200000000 } from './1765200000000-CreateCourseAuthoring';
import { ShareAttachmentContent1765210000000 } from './1765210000000-ShareAttachmentContent';
import { CreateLearningRecords1765300000000 } from './1765300000000-CreateLearningRecords';
import { CreateQualifications1765400000000 } from './1765400000000-CreateQualifications';
import { AddUserErasedAt1765600000000 } from './1765600000000-AddUserErasedAt';
import { RecordProgressInOneStatement1765700000000 } from './1765700000000-RecordProgressInOneStatement';
import { AddEnrolmentUserIndex1765710000000 } from './1765710000000-AddEnrolmentUserIndex';
import { NotifyCachedRowChanges1765720000000 } from './1765720000000-NotifyCachedRowChanges';
import { GenericPlansForProgressFunctions1765730000000 } from './1765730000000-GenericPlansForProgressFunctions';

/** Every migration, oldest first; the generate script appends new ones here. */
export const MIGRATIONS = [
  CreateOrgUnit1764300000000,
  CreateIdentity1764400000000,
  AddPositionNameIndexes1764500000000,
  CreateUserImport1764700000000,
  CreateExternalIdentity1764800000000,
  AddOrgUnitStatus1764900000000,
  AddPasswordResetRevokedAt1765000000000,
  AddUserSearchTrigramIndex1765100000000,
  CreateCourseAuthoring1765200000000,
  ShareAttachmentContent1765210000000,
  CreateLearningRecords1765300000000,
  CreateQualifications1765400000000,
  AddUserErasedAt1765600000000,
  RecordProgressInOneStatement1765700000000,
  AddEnrolmentUserIndex1765710000000,
  NotifyCachedRowChanges1765720000000,
  GenericPlansForProgressFunctions1765730000000,
];
