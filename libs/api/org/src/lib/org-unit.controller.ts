import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import {
  CreateOrgUnitRequestDto,
  MoveOrgUnitRequestDto,
  OrgUnitDto,
  OrgUnitIdParamDto,
  OrgUnitListQueryDto,
  OrgUnitPageDto,
  UpdateOrgUnitRequestDto,
} from './org-unit.dto';
import { OrgUnitService } from './org-unit.service';

@ApiTags('org-units')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('org-units')
export class OrgUnitController {
  constructor(private readonly orgUnits: OrgUnitService) {}

  // the tree is shared reference data: every signed-in person may read all of it
  @Get()
  @Allow('org-unit:read')
  @ApiOperation({
    summary: 'List active org units, ordered by their place in the tree; admins may add their inactive ones',
  })
  @ApiOkResponse({ type: OrgUnitPageDto })
  list(@Access() access: AccessContext, @Query() query: OrgUnitListQueryDto): Promise<OrgUnitPageDto> {
    return this.orgUnits.list(access, query);
  }

  @Get(':id')
  @Allow('org-unit:read')
  @ApiOperation({ summary: 'One org unit, active or not' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404)
  get(@Param() params: OrgUnitIdParamDto): Promise<OrgUnitDto> {
    return this.orgUnits.get(params.id);
  }

  @Post()
  @Allow('org-unit:write')
  @ApiOperation({ summary: 'Add a unit under an active unit inside the caller’s scope; audited' })
  @ApiCreatedResponse({ type: OrgUnitDto })
  @ApiProblemResponses(409)
  create(
    @Access() access: AccessContext,
    @Body() body: CreateOrgUnitRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.create(access, body, request.ip ?? null);
  }

  @Patch(':id')
  @Allow('org-unit:write')
  @ApiOperation({ summary: 'Rename a unit inside the caller’s scope or change its kind; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404)
  update(
    @Access() access: AccessContext,
    @Param() params: OrgUnitIdParamDto,
    @Body() body: UpdateOrgUnitRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.update(access, params.id, body, request.ip ?? null);
  }

  @Post(':id/move')
  @Allow('org-unit:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a unit with its subtree under another unit inside the caller’s scope; audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404)
  move(
    @Access() access: AccessContext,
    @Param() params: OrgUnitIdParamDto,
    @Body() body: MoveOrgUnitRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.move(access, params.id, body, request.ip ?? null);
  }

  @Post(':id/deactivate')
  @Allow('org-unit:write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deactivate a unit and its subtree; refused (409, with activeUserCount) while active people belong there',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404, 409)
  deactivate(
    @Access() access: AccessContext,
    @Param() params: OrgUnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.deactivate(access, params.id, request.ip ?? null);
  }

  @Post(':id/reactivate')
  @Allow('org-unit:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a unit and its subtree once the unit above it is active' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblemResponses(404, 409)
  reactivate(
    @Access() access: AccessContext,
    @Param() params: OrgUnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.reactivate(access, params.id, request.ip ?? null);
  }
}
