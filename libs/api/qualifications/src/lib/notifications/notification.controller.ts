import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE } from '@border-academy/shared-contracts';

import { IdParamDto, NotificationListQueryDto, NotificationPageDto } from '../qualifications.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 500, 503)
@Controller('me/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Allow('self:manage')
  @ApiOperation({ summary: "The caller's notifications, newest first, with the unread count" })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @Access() access: AccessContext,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(
      access.principal.userId,
      query.page ?? 1,
      query.pageSize ?? DEFAULT_PAGE_SIZE,
    );
  }

  @Post('read-all')
  @Allow('self:manage')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark all the caller's notifications read" })
  @ApiNoContentResponse()
  async readAll(@Access() access: AccessContext): Promise<void> {
    await this.notifications.markAllRead(access.principal.userId);
  }

  @Post(':id/read')
  @Allow('self:manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiProblemResponses(404)
  async read(@Access() access: AccessContext, @Param() params: IdParamDto): Promise<void> {
    await this.notifications.markRead(access.principal.userId, params.id);
  }
}
