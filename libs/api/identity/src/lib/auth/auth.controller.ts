import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Access, AccessContext, Allow, ApiProblemResponses, Public } from '@border-academy/api-platform';
import { FastifyReply, FastifyRequest } from 'fastify';

import { PasswordResetService } from '../password-reset/password-reset.service';
import {
  ChangePasswordRequestDto,
  CurrentUserDto,
  ResetPasswordRequestDto,
  SessionResponseDto,
  SignInRequestDto,
} from './auth.dto';
import { CredentialRow } from './auth.repository';
import { AuthService } from './auth.service';
import { originOf } from './local.strategy';
import { SignInGuard } from './sign-in.guard';
import { clearRefreshCookie, readRefreshToken, setRefreshCookie } from './session-cookie';

@ApiTags('auth')
@ApiProblemResponses(400, 500, 503)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Post('sign-in')
  @Public()
  // per address first (429), then the body (400), then the credentials (401, or 423 once the account is locked)
  @UseGuards(ThrottlerGuard, SignInGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with login or e-mail and password; sets the refresh-token cookie' })
  @ApiBody({ type: SignInRequestDto })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiProblemResponses(401, 423, 429)
  async signIn(
    @Req() request: FastifyRequest & { user?: CredentialRow },
    @Res({ passthrough: true }) reply: FastifyReply,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- validated by SignInGuard already; declared so OpenAPI shows the shape
    @Body() _body: SignInRequestDto,
  ): Promise<SessionResponseDto> {
    const user = request.user as CredentialRow;
    const session = await this.auth.signIn(user.id, originOf(request));
    setRefreshCookie(request, reply, session.refreshToken);
    return session.response;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token for the refresh-token cookie, which is rotated on every use' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiProblemResponses(401)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    try {
      const session = await this.auth.refresh(readRefreshToken(request), originOf(request));
      setRefreshCookie(request, reply, session.refreshToken);
      return session.response;
    } catch (error) {
      clearRefreshCookie(request, reply);
      throw error;
    }
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (the refresh-token cookie’s family)' })
  @ApiNoContentResponse()
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(readRefreshToken(request), originOf(request));
    clearRefreshCookie(request, reply);
  }

  @Post('sign-out-everywhere')
  @Allow('self:manage')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the signed-in user, on every device' })
  @ApiNoContentResponse()
  @ApiProblemResponses(401)
  async signOutEverywhere(
    @Access() access: AccessContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOutEverywhere(access.principal.userId, originOf(request));
    clearRefreshCookie(request, reply);
  }

  @Post('password')
  @Allow('self:manage')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one’s own password; every other session ends' })
  @ApiNoContentResponse()
  @ApiProblemResponses(401)
  async changePassword(
    @Access() access: AccessContext,
    @Body() body: ChangePasswordRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.auth.changePassword(
      access.principal.userId,
      access.principal.sessionFamilyId,
      body,
      originOf(request),
    );
  }

  @Post('reset-password')
  @Public()
  // limited per address like sign-in, so that tokens cannot be guessed at speed
  @UseGuards(ThrottlerGuard)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a one-time reset link; every session of the person ends',
  })
  @ApiNoContentResponse()
  @ApiProblemResponses(410, 429)
  async resetPassword(@Body() body: ResetPasswordRequestDto, @Req() request: FastifyRequest): Promise<void> {
    await this.passwordReset.reset(body, originOf(request));
  }
}

@ApiTags('auth')
@ApiProblemResponses(401, 500, 503)
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Allow('self:manage')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with their role grants' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@Access() access: AccessContext): Promise<CurrentUserDto> {
    return this.auth.currentUser(access.principal.userId);
  }
}
