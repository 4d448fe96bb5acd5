import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { DEFAULT_PAGE_SIZE } from '@border-academy/shared-contracts';

import { AuditEventListQueryDto, AuditEventPageDto } from './audit-event.dto';
import { AuditEventRepository } from './audit-event.repository';

/** Read-only on purpose: the trail has no route that changes or removes an entry. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 500, 503)
@Controller('audit-events')
export class AuditEventController {
  constructor(private readonly events: AuditEventRepository) {}

  @Get()
  @Allow('audit:read')
  @ApiOperation({ summary: 'The audit trail about people inside the caller’s scope, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  async list(
    @Access() access: AccessContext,
    @Query() query: AuditEventListQueryDto,
  ): Promise<AuditEventPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.events.findPage(access.scope ?? [], {
      actorUserId: query.actorUserId,
      targetType: query.targetType,
      targetId: query.targetId,
      action: query.action,
      from: query.from,
      to: query.to,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }
}
