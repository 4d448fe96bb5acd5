import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
  AssignmentDto,
  AssignmentListQueryDto,
  AssignmentPageDto,
  CreateAssignmentDto,
  IdParamDto,
} from '../qualifications.dto';
import { AssignmentService } from './assignment.service';

@ApiTags('assignments')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('assignments')
export class AssignmentController {
  constructor(private readonly assignments: AssignmentService) {}

  @Get()
  @Allow('assignment:write')
  @ApiOperation({ summary: "The active assignments filed on units of the caller's scope, newest first" })
  @ApiOkResponse({ type: AssignmentPageDto })
  list(@Access() access: AccessContext, @Query() query: AssignmentListQueryDto): Promise<AssignmentPageDto> {
    return this.assignments.list(access, query);
  }

  @Post()
  @Allow('assignment:write')
  @ApiOperation({
    summary:
      'Assign a published course to people, or as a rule to a unit or a position within a unit, with a due ' +
      'date; a rule reaches people who join later; audited',
  })
  @ApiCreatedResponse({ type: AssignmentDto })
  create(
    @Access() access: AccessContext,
    @Body() body: CreateAssignmentDto,
    @Req() request: FastifyRequest,
  ): Promise<AssignmentDto> {
    return this.assignments.create(access, body, request.ip ?? null);
  }

  @Delete(':id')
  @Allow('assignment:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'End an assignment: records stay, the obligation goes; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  async end(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.assignments.end(access, params.id, request.ip ?? null);
  }
}
