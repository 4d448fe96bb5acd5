import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Access,
  AccessContext,
  Allow,
  ApiProblemResponses,
  PageQueryDto,
} from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import { IdParamDto } from '../dto';
import { OutlineService } from '../outline/outline.service';
import {
  CourseVersionDto,
  ReorderOutlineRequestDto,
  ReturnCourseVersionRequestDto,
  ReviewQueuePageDto,
  UpdateCourseVersionRequestDto,
} from './course-version.dto';
import { CourseVersionService } from './course-version.service';

@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class CourseVersionController {
  constructor(
    private readonly versions: CourseVersionService,
    private readonly outline: OutlineService,
  ) {}

  @Get('course-versions/:id')
  @Allow('course:read')
  @ApiOperation({ summary: 'The content of one version, its outline in order' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404)
  get(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<CourseVersionDto> {
    return this.versions.get(access, params.id);
  }

  @Patch('course-versions/:id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Change a draft’s title or description (409 for any other version)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  update(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: UpdateCourseVersionRequestDto,
  ): Promise<CourseVersionDto> {
    return this.versions.update(access, params.id, body);
  }

  @Put('course-versions/:id/outline')
  @Allow('course:write')
  @ApiOperation({
    summary: 'Reorder a draft’s modules and lessons at once; every one must appear exactly once',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  reorder(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: ReorderOutlineRequestDto,
  ): Promise<CourseVersionDto> {
    return this.outline.reorder(access, params.id, body);
  }

  @Post('course-versions/:id/submit')
  @Allow('course:write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send a draft to review; 422 naming what is missing in the default language or unplayable; audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409, 422)
  submit(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseVersionDto> {
    return this.versions.submit(access, params.id, request.ip ?? null);
  }

  @Post('course-versions/:id/publish')
  @Allow('course:review')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a version in review: learners get it, and it never changes again; audited',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  publish(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseVersionDto> {
    return this.versions.publish(access, params.id, request.ip ?? null);
  }

  @Post('course-versions/:id/return')
  @Allow('course:review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a version in review back to its authors with a comment; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  return(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: ReturnCourseVersionRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<CourseVersionDto> {
    return this.versions.return(access, params.id, body.comment, request.ip ?? null);
  }

  @Get('course-reviews')
  @Allow('course:review')
  @ApiOperation({ summary: 'Versions awaiting review inside the caller’s review scope, oldest first' })
  @ApiOkResponse({ type: ReviewQueuePageDto })
  reviewQueue(@Access() access: AccessContext, @Query() query: PageQueryDto): Promise<ReviewQueuePageDto> {
    return this.versions.reviewQueue(access, query);
  }
}
