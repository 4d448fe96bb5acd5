import { Module } from '@nestjs/common';

import { AuditEventController } from './audit-event.controller';
import { AuditEventRepository } from './audit-event.repository';
import { AuditPersonalData } from './audit-personal-data';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditEventController],
  providers: [AuditService, AuditEventRepository, AuditPersonalData],
  exports: [AuditService],
})
export class AuditModule {}
