import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblemResponses } from '@border-academy/api-platform';

import { OrgUnitDto, OrgUnitIdParamDto, OrgUnitListQueryDto, OrgUnitPageDto } from './org-unit.dto';
import { OrgUnitService } from './org-unit.service';

@ApiTags('org-units')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
// the tree is shared reference data: every signed-in person may read all of it
@Allow('org-unit:read')
@Controller('org-units')
export class OrgUnitController {
  constructor(private readonly orgUnits: OrgUnitService) {}

  @Get()
  @ApiOperation({ summary: 'List org units, ordered by their place in the tree' })
  @ApiOkResponse({ type: OrgUnitPageDto })
  list(@Query() query: OrgUnitListQueryDto): Promise<OrgUnitPageDto> {
    return this.orgUnits.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One org unit' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404)
  get(@Param() params: OrgUnitIdParamDto): Promise<OrgUnitDto> {
    return this.orgUnits.get(params.id);
  }
}
