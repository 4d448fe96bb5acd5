import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import {
  CreatePositionRequestDto,
  PositionDto,
  PositionIdParamDto,
  PositionListQueryDto,
  PositionPageDto,
  UpdatePositionRequestDto,
} from './position.dto';
import { PositionService } from './position.service';

@ApiTags('positions')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('positions')
export class PositionController {
  constructor(private readonly positions: PositionService) {}

  @Get()
  @Allow('position:read')
  @ApiOperation({ summary: 'The catalogue of positions, sorted by name, one page at a time' })
  @ApiOkResponse({ type: PositionPageDto })
  list(@Query() query: PositionListQueryDto): Promise<PositionPageDto> {
    return this.positions.list(query);
  }

  @Get(':id')
  @Allow('position:read')
  @ApiOperation({ summary: 'One position' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionDto })
  @ApiProblemResponses(404)
  get(@Param() params: PositionIdParamDto): Promise<PositionDto> {
    return this.positions.get(params.id);
  }

  @Post()
  @Allow('position:write')
  @ApiOperation({ summary: 'Add a position to the catalogue (admins of a whole country); audited' })
  @ApiCreatedResponse({ type: PositionDto })
  @ApiProblemResponses(409)
  create(
    @Access() access: AccessContext,
    @Body() body: CreatePositionRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<PositionDto> {
    return this.positions.create(access, body, request.ip ?? null);
  }

  @Patch(':id')
  @Allow('position:write')
  @ApiOperation({ summary: 'Change a position’s code, names or description; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionDto })
  @ApiProblemResponses(404, 409)
  update(
    @Access() access: AccessContext,
    @Param() params: PositionIdParamDto,
    @Body() body: UpdatePositionRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<PositionDto> {
    return this.positions.update(access, params.id, body, request.ip ?? null);
  }

  @Delete(':id')
  @Allow('position:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a position nobody holds (409, with holderCount, otherwise); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  delete(
    @Access() access: AccessContext,
    @Param() params: PositionIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.positions.delete(access, params.id, request.ip ?? null);
  }
}
