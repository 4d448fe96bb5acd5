import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
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
  QuizAttemptDto,
  QuizSubmissionResultDto,
  StartQuizAttemptRequestDto,
  SubmitQuizAttemptRequestDto,
} from '../learning.dto';
import { QuizAttemptService } from './quiz-attempt.service';

@ApiTags('learning')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller()
export class QuizAttemptController {
  constructor(private readonly attempts: QuizAttemptService) {}

  @Post('enrolments/:id/quiz-attempts')
  @Allow('learning:self')
  @ApiOperation({
    summary:
      'Start an attempt at a quiz of one’s enrolment (or get back the open one): questions without answers',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: QuizAttemptDto })
  @ApiProblemResponses(404, 409)
  start(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: StartQuizAttemptRequestDto,
  ): Promise<QuizAttemptDto> {
    return this.attempts.start(access, params.id, body);
  }

  @Post('quiz-attempts/:id/submission')
  @Allow('learning:self')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit an attempt once, graded on the server; a late one is refused (409) and closed. Answers the completion and certificate it caused',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuizSubmissionResultDto })
  @ApiProblemResponses(404, 409)
  submit(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: SubmitQuizAttemptRequestDto,
  ): Promise<QuizSubmissionResultDto> {
    return this.attempts.submit(access, params.id, body);
  }

  @Get('quiz-attempts/:id')
  @Allow('learning:self')
  @ApiOperation({
    summary: 'An attempt: its questions, and after submission the score and the review the quiz allows',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuizAttemptDto })
  @ApiProblemResponses(404)
  get(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<QuizAttemptDto> {
    return this.attempts.get(access, params.id);
  }
}
