import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
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
import { FastifyRequest } from 'fastify';

import { PasswordResetService } from '../password-reset/password-reset.service';
import {
  CreateUserRequestDto,
  ResetLinkDto,
  UpdateUserRequestDto,
  UserDetailsDto,
  UserIdParamDto,
  UserListQueryDto,
  UserPageDto,
  AddRoleGrantRequestDto,
  GrantParamsDto,
} from './user.dto';
import { UserService } from './user.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiProblemResponses(400, 401, 403, 404, 500, 503)
@Controller('users')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Get()
  @Allow('user:read')
  @ApiOperation({ summary: 'Users inside the caller’s scope: search, filter, sort, one page at a time' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Access() access: AccessContext, @Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(access, query);
  }

  @Post()
  @Allow('user:write')
  @ApiOperation({
    summary: 'Create a user on a unit inside the caller’s scope, with first roles there; no password',
  })
  @ApiCreatedResponse({ type: UserDetailsDto })
  @ApiProblemResponses(409)
  create(
    @Access() access: AccessContext,
    @Body() body: CreateUserRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<UserDetailsDto> {
    return this.users.create(access, body, request.ip ?? null);
  }

  @Get(':id')
  @Allow('user:read')
  @ApiOperation({ summary: 'One user with their role grants; 404 outside the caller’s scope' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDetailsDto })
  get(@Access() access: AccessContext, @Param() params: UserIdParamDto): Promise<UserDetailsDto> {
    return this.users.get(access, params.id);
  }

  @Patch(':id')
  @Allow('user:write')
  @ApiOperation({
    summary: 'Change a user inside the caller’s scope; suspending ends their sessions at once',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDetailsDto })
  @ApiProblemResponses(409)
  update(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Body() body: UpdateUserRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<UserDetailsDto> {
    return this.users.update(access, params.id, body, request.ip ?? null);
  }

  @Post(':id/grants')
  @Allow('user:write')
  @ApiOperation({
    summary: 'Grant a role on a unit inside the caller’s scope; granting twice changes nothing',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDetailsDto })
  @ApiProblemResponses(409)
  @HttpCode(200)
  addGrant(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Body() body: AddRoleGrantRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<UserDetailsDto> {
    return this.users.addGrant(access, params.id, body, request.ip ?? null);
  }

  @Delete(':id/grants/:grantId')
  @Allow('user:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a role grant on a unit inside the caller’s scope' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'grantId', format: 'uuid' })
  @ApiNoContentResponse()
  removeGrant(
    @Access() access: AccessContext,
    @Param() params: GrantParamsDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.users.removeGrant(access, params.id, params.grantId, request.ip ?? null);
  }

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

  @Post(':id/reset-links')
  @Allow('user:reset-link')
  @ApiOperation({
    summary: 'Issue a one-time link to set a password, valid 72 hours; earlier unused links stop working',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: ResetLinkDto })
  @ApiProblemResponses(409)
  issueResetLink(
    @Access() access: AccessContext,
    @Param() params: UserIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<ResetLinkDto> {
    // the address the admin reached the platform at is the one the person will open
    const webOrigin = `${request.protocol}://${request.host}`;
    return this.passwordReset.issue(access, params.id, webOrigin, request.ip ?? null);
  }
}
