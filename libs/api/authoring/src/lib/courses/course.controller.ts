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

import { IdParamDto } from '../dto';
import { AuthorCandidatePageDto, AuthorCandidateQueryDto } from './author-candidate.dto';
import {
  CourseDetailDto,
  CourseListQueryDto,
  CoursePageDto,
  CreateCourseRequestDto,
  UpdateCourseRequestDto,
} from './course.dto';
import { CourseService } from './course.service';

@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('courses')
export class CourseController {
  constructor(private readonly courses: CourseService) {}

  @Get()
  @Allow('course:read')
  @ApiOperation({ summary: 'The courses owned by units of the caller’s authoring or review scope' })
  @ApiOkResponse({ type: CoursePageDto })
  list(@Access() access: AccessContext, @Query() query: CourseListQueryDto): Promise<CoursePageDto> {
    return this.courses.list(access, query);
  }

  @Post()
  @Allow('course:write')
  @ApiOperation({ summary: 'Create a course and its first draft on a unit of the caller’s scope; audited' })
  @ApiCreatedResponse({ type: CourseDetailDto })
  @ApiProblemResponses(409)
  create(
    @Access() access: AccessContext,
    @Body() body: CreateCourseRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseDetailDto> {
    return this.courses.create(access, body, request.ip ?? null);
  }

  @Get(':id')
  @Allow('course:read')
  @ApiOperation({ summary: 'A course’s settings, version history and what the caller may do with it' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiProblemResponses(404)
  get(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<CourseDetailDto> {
    return this.courses.get(access, params.id);
  }

  @Get(':id/author-candidates')
  @Allow('course:write')
  @ApiOperation({
    summary:
      'People who may be named authors of the course: active holders of a trainer, reviewer or admin ' +
      'role on its unit or above, searched by part of login or name',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AuthorCandidatePageDto })
  @ApiProblemResponses(403, 404)
  authorCandidates(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Query() query: AuthorCandidateQueryDto,
  ): Promise<AuthorCandidatePageDto> {
    return this.courses.authorCandidates(access, params.id, query);
  }

  @Patch(':id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Change a course’s settings (not versioned); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiProblemResponses(404, 409)
  update(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: UpdateCourseRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseDetailDto> {
    return this.courses.update(access, params.id, body, request.ip ?? null);
  }

  @Post(':id/archive')
  @Allow('course:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide the course from the catalogue, keeping every record; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiProblemResponses(404)
  archive(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseDetailDto> {
    return this.courses.setArchived(access, params.id, true, request.ip ?? null);
  }

  @Post(':id/restore')
  @Allow('course:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show an archived course in the catalogue again; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseDetailDto })
  @ApiProblemResponses(404)
  restore(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseDetailDto> {
    return this.courses.setArchived(access, params.id, false, request.ip ?? null);
  }

  @Post(':id/drafts')
  @Allow('course:write')
  @ApiOperation({
    summary:
      'Start a new draft copied from the published version, which stays unchanged (409 if one is open)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: CourseDetailDto })
  @ApiProblemResponses(404, 409)
  startDraft(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseDetailDto> {
    return this.courses.startDraft(access, params.id, request.ip ?? null);
  }
}
