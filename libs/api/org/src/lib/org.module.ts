import { Module } from '@nestjs/common';

import { OrgUnitController } from './org-unit.controller';
import { OrgUnitRepository } from './org-unit.repository';
import { OrgUnitService } from './org-unit.service';

@Module({
  controllers: [OrgUnitController],
  providers: [OrgUnitRepository, OrgUnitService],
  exports: [OrgUnitService],
})
export class OrgModule {}
