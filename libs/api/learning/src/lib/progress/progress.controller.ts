import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';

import { RecordProgressEventsRequestDto, RecordProgressEventsResponseDto } from '../learning.dto';
import { ProgressService } from './progress.service';

@ApiTags('learning')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller('progress-events')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Post()
  @Allow('learning:self')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record a batch of one’s own progress events, each once by its client-made id; answers the enrolments’ derived state and any certificate the batch issued',
  })
  @ApiOkResponse({ type: RecordProgressEventsResponseDto })
  @ApiProblemResponses(404)
  record(
    @Access() access: AccessContext,
    @Body() body: RecordProgressEventsRequestDto,
  ): Promise<RecordProgressEventsResponseDto> {
    return this.progress.record(access, body);
  }
}
