import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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

import { IdParamDto } from '../dto';
import { CourseVersionDto } from '../versions/course-version.dto';
import {
  CreateLessonRequestDto,
  CreateModuleRequestDto,
  LessonDto,
  RenderMarkdownRequestDto,
  RenderMarkdownResponseDto,
  UpdateLessonRequestDto,
  UpdateModuleRequestDto,
} from './outline.dto';
import { OutlineService } from './outline.service';

@ApiTags('course authoring')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class OutlineController {
  constructor(private readonly outline: OutlineService) {}

  @Post('course-versions/:id/modules')
  @Allow('course:write')
  @ApiOperation({ summary: 'Add a module at the end of a draft’s outline' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  createModule(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: CreateModuleRequestDto,
  ): Promise<CourseVersionDto> {
    return this.outline.createModule(access, params.id, body);
  }

  @Patch('modules/:id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Rename a module of a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiProblemResponses(404, 409)
  updateModule(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: UpdateModuleRequestDto,
  ): Promise<CourseVersionDto> {
    return this.outline.updateModule(access, params.id, body);
  }

  @Delete('modules/:id')
  @Allow('course:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a module of a draft with its lessons' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  deleteModule(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<void> {
    return this.outline.deleteModule(access, params.id);
  }

  @Post('modules/:id/lessons')
  @Allow('course:write')
  @ApiOperation({ summary: 'Add a lesson at the end of a module of a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: LessonDto })
  @ApiProblemResponses(404, 409)
  createLesson(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: CreateLessonRequestDto,
  ): Promise<LessonDto> {
    return this.outline.createLesson(access, params.id, body);
  }

  @Get('lessons/:id')
  @Allow('course:read')
  @ApiOperation({ summary: 'A lesson with its Markdown and the sanitised HTML rendered from it' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: LessonDto })
  @ApiProblemResponses(404)
  getLesson(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<LessonDto> {
    return this.outline.getLesson(access, params.id);
  }

  @Patch('lessons/:id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Change a lesson of a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: LessonDto })
  @ApiProblemResponses(404, 409)
  updateLesson(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: UpdateLessonRequestDto,
  ): Promise<LessonDto> {
    return this.outline.updateLesson(access, params.id, body);
  }

  @Delete('lessons/:id')
  @Allow('course:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a lesson of a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  deleteLesson(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<void> {
    return this.outline.deleteLesson(access, params.id);
  }

  @Post('markdown/render')
  @Allow('course:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The lesson editor’s live preview: Markdown rendered and sanitised as learners get it',
  })
  @ApiOkResponse({ type: RenderMarkdownResponseDto })
  async render(
    @Access() access: AccessContext,
    @Body() body: RenderMarkdownRequestDto,
  ): Promise<RenderMarkdownResponseDto> {
    return { html: await this.outline.preview(access, body.markdown) };
  }
}
