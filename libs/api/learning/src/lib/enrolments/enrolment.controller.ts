import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { IdParamDto } from '@border-academy/api-authoring';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';

import {
  EnrolmentDetailDto,
  EnrolmentLessonParamsDto,
  EnrolmentSummaryDto,
  EnrolmentSummaryPageDto,
  LearnerCourseDto,
  LearnerLessonDto,
  MyEnrolmentsQueryDto,
  MyLearningDto,
  MyLearningQueryDto,
} from '../learning.dto';
import { EnrolmentService } from './enrolment.service';

@ApiTags('learning')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller()
export class EnrolmentController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Get('catalogue/courses/:id')
  @Allow('learning:self')
  @ApiOperation({
    summary: 'The learner’s course page: the published version’s outline and the caller’s enrolment, if any',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: LearnerCourseDto })
  @ApiProblemResponses(404)
  course(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<LearnerCourseDto> {
    return this.enrolments.coursePage(access, params.id);
  }

  @Post('catalogue/courses/:id/enrolments')
  @Allow('learning:self')
  @ApiOperation({
    summary: 'Enrol oneself on the current published version where the course allows it (409 otherwise)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: EnrolmentSummaryDto })
  @ApiProblemResponses(404, 409)
  enrol(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<EnrolmentSummaryDto> {
    return this.enrolments.enrol(access, params.id);
  }

  @Get('me/learning')
  @Allow('learning:self')
  @ApiOperation({
    summary:
      'The first page of each section: assigned (overdue first), in progress, completed with certificates',
  })
  @ApiOkResponse({ type: MyLearningDto })
  myLearning(@Access() access: AccessContext, @Query() query: MyLearningQueryDto): Promise<MyLearningDto> {
    return this.enrolments.myLearning(access, query);
  }

  @Get('me/enrolments')
  @Allow('learning:self')
  @ApiOperation({ summary: 'Further pages of one section of my learning' })
  @ApiOkResponse({ type: EnrolmentSummaryPageDto })
  myEnrolments(
    @Access() access: AccessContext,
    @Query() query: MyEnrolmentsQueryDto,
  ): Promise<EnrolmentSummaryPageDto> {
    return this.enrolments.myEnrolments(access, query);
  }

  @Get('enrolments/:id')
  @Allow('learning:self')
  @ApiOperation({
    summary:
      'An enrolment with its pinned outline, lesson states and quizzes: its learner’s, or read by HR, trainers and admins of the learner’s unit',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: EnrolmentDetailDto })
  @ApiProblemResponses(404)
  detail(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<EnrolmentDetailDto> {
    return this.enrolments.detail(access, params.id);
  }

  @Post('enrolments/:id/withdrawal')
  @Allow('learning:self')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw from one’s own self-enrolment that is not completed' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: EnrolmentSummaryDto })
  @ApiProblemResponses(404, 409)
  withdraw(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<EnrolmentSummaryDto> {
    return this.enrolments.withdraw(access, params.id);
  }

  @Get('enrolments/:id/lessons/:lessonId')
  @Allow('learning:self')
  @ApiOperation({
    summary:
      'A lesson of the pinned version for the player: sanitised HTML, signed attachment address, neighbours',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'lessonId', format: 'uuid' })
  @ApiOkResponse({ type: LearnerLessonDto })
  @ApiProblemResponses(404)
  lesson(
    @Access() access: AccessContext,
    @Param() params: EnrolmentLessonParamsDto,
  ): Promise<LearnerLessonDto> {
    return this.enrolments.lesson(access, params.id, params.lessonId);
  }
}
