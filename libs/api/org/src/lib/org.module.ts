import { Module } from '@nestjs/common';
import { AuditModule } from '@border-academy/api-audit';

import { OrgUnitController } from './org-unit.controller';
import { OrgUnitRepository } from './org-unit.repository';
import { OrgUnitService } from './org-unit.service';
import { PositionController } from './positions/position.controller';
import { PositionRepository } from './positions/position.repository';
import { PositionService } from './positions/position.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgUnitController, PositionController],
  providers: [OrgUnitRepository, OrgUnitService, PositionRepository, PositionService],
  exports: [OrgUnitService],
})
export class OrgModule {}
