import { Module } from '@nestjs/common';
import { AuditModule } from '@border-academy/api-audit';
import { AuthoringModule } from '@border-academy/api-authoring';
import { LearningModule } from '@border-academy/api-learning';

import { AssignmentController } from './assignments/assignment.controller';
import { AssignmentService } from './assignments/assignment.service';
import { QualificationController } from './catalogue/qualification.controller';
import { QualificationService } from './catalogue/qualification.service';
import { Clock } from './clock';
import { ComplianceExportService } from './compliance/compliance-export.service';
import { ComplianceController } from './compliance/compliance.controller';
import { ComplianceService } from './compliance/compliance.service';
import { TrainingRecordsExportService } from './compliance/training-records-export.service';
import { GrantService } from './grants/grant.service';
import { StaffController } from './grants/staff.controller';
import { StaffService } from './grants/staff.service';
import { NotificationController } from './notifications/notification.controller';
import { NotificationService } from './notifications/notification.service';
import { QualificationsPersonalData } from './qualifications-personal-data';

@Module({
  imports: [AuditModule, AuthoringModule, LearningModule],
  controllers: [
    QualificationController,
    StaffController,
    ComplianceController,
    AssignmentController,
    NotificationController,
  ],
  providers: [
    Clock,
    QualificationService,
    GrantService,
    StaffService,
    ComplianceService,
    ComplianceExportService,
    TrainingRecordsExportService,
    AssignmentService,
    NotificationService,
    QualificationsPersonalData,
  ],
  exports: [Clock, GrantService, NotificationService],
})
export class QualificationsModule {}
