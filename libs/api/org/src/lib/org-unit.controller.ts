import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@border-academy/api-platform';

import { OrgUnitDto, OrgUnitIdParamDto, OrgUnitListQueryDto, OrgUnitPageDto } from './org-unit.dto';
import { OrgUnitService } from './org-unit.service';

const PROBLEM = 'application/problem+json (RFC 9457)';

@ApiTags('org-units')
@ApiBadRequestResponse({ description: `Invalid parameters; field errors in ${PROBLEM}` })
@ApiServiceUnavailableResponse({ description: `The database is unavailable; ${PROBLEM}` })
// Readable anonymously until sign-in exists; the identity work replaces this with role and scope checks.
@Public()
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
  @ApiNotFoundResponse({ description: `No such org unit; ${PROBLEM}` })
  get(@Param() params: OrgUnitIdParamDto): Promise<OrgUnitDto> {
    return this.orgUnits.get(params.id);
  }
}
