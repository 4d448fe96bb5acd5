import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, AccessContext, Allow, ApiProblemResponses } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';
import { IsUUID } from 'class-validator';

import { UserService } from './user.service';

export class UserIdParamDto {
  @IsUUID()
  id!: string;
}

@ApiTags('users')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 500, 503)
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Post(':id/unlock')
  @Allow('user:unlock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlock sign-in for a user locked out by wrong passwords' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  unlock(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.users.unlock(access, params.id, request.ip ?? null);
  }
}
