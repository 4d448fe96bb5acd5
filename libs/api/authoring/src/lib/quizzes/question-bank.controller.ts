import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  Access,
  AccessContext,
  Allow,
  ApiProblemResponses,
  PageQueryDto,
} from '@border-academy/api-platform';

import { IdParamDto } from '../dto';
import {
  QuestionDto,
  QuestionListQueryDto,
  QuestionPageDto,
  SaveQuestionRequestDto,
} from '../questions/question.dto';
import { QuestionService } from '../questions/question.service';
import { QuizDto, QuizPageDto, QuizSelectionDto, SaveQuizRequestDto } from './quiz.dto';
import { QuizService } from './quiz.service';

/** The question bank and quizzes of a version: authoring routes, the only ones that carry answers. */
@ApiTags('course authoring')
@ApiBearerAuth()
@ApiExtraModels(QuizSelectionDto)
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller()
export class QuestionBankController {
  constructor(
    private readonly questions: QuestionService,
    private readonly quizzes: QuizService,
  ) {}

  @Get('course-versions/:id/questions')
  @Allow('course:read')
  @ApiOperation({
    summary: 'A version’s question bank with the answers, searched and filtered by tag and kind',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuestionPageDto })
  @ApiProblemResponses(404)
  listQuestions(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Query() query: QuestionListQueryDto,
  ): Promise<QuestionPageDto> {
    return this.questions.list(access, params.id, query);
  }

  @Post('course-versions/:id/questions')
  @Allow('course:write')
  @ApiOperation({ summary: 'Add a question to a draft’s bank' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiProblemResponses(404, 409)
  createQuestion(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: SaveQuestionRequestDto,
  ): Promise<QuestionDto> {
    return this.questions.create(access, params.id, body);
  }

  @Get('questions/:id')
  @Allow('course:read')
  @ApiOperation({ summary: 'One question with its answers' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblemResponses(404)
  getQuestion(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<QuestionDto> {
    return this.questions.get(access, params.id);
  }

  @Put('questions/:id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Replace a question of a draft’s bank' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblemResponses(404, 409)
  replaceQuestion(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: SaveQuestionRequestDto,
  ): Promise<QuestionDto> {
    return this.questions.replace(access, params.id, body);
  }

  @Delete('questions/:id')
  @Allow('course:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a question from a draft’s bank (409 while a quiz holds it)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  deleteQuestion(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<void> {
    return this.questions.delete(access, params.id);
  }

  @Get('course-versions/:id/quizzes')
  @Allow('course:read')
  @ApiOperation({ summary: 'A version’s quizzes' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuizPageDto })
  @ApiProblemResponses(404)
  listQuizzes(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Query() query: PageQueryDto,
  ): Promise<QuizPageDto> {
    return this.quizzes.list(access, params.id, query);
  }

  @Post('course-versions/:id/quizzes')
  @Allow('course:write')
  @ApiOperation({ summary: 'Add a quiz to a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: QuizDto })
  @ApiProblemResponses(404, 409)
  createQuiz(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: SaveQuizRequestDto,
  ): Promise<QuizDto> {
    return this.quizzes.create(access, params.id, body);
  }

  @Get('quizzes/:id')
  @Allow('course:read')
  @ApiOperation({ summary: 'One quiz and how it draws its questions' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuizDto })
  @ApiProblemResponses(404)
  getQuiz(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<QuizDto> {
    return this.quizzes.get(access, params.id);
  }

  @Put('quizzes/:id')
  @Allow('course:write')
  @ApiOperation({ summary: 'Replace a quiz of a draft' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: QuizDto })
  @ApiProblemResponses(404, 409)
  replaceQuiz(
    @Access() access: AccessContext,
    @Param() params: IdParamDto,
    @Body() body: SaveQuizRequestDto,
  ): Promise<QuizDto> {
    return this.quizzes.replace(access, params.id, body);
  }

  @Delete('quizzes/:id')
  @Allow('course:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a quiz of a draft (409 while a lesson plays it)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404, 409)
  deleteQuiz(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<void> {
    return this.quizzes.delete(access, params.id);
  }
}
