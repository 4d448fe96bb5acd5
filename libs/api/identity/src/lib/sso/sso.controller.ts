import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiConfig, ApiProblemResponses, Public } from '@border-academy/api-platform';
import { SSO_ERROR_PARAM, SsoError } from '@border-academy/shared-contracts';
import { FastifyReply, FastifyRequest } from 'fastify';

import { originOf } from '../auth/local.strategy';
import { setRefreshCookie } from '../auth/session-cookie';
import { SsoDisabledError } from '../identity.errors';
import {
  clearSsoStateCookie,
  readSsoStateCookie,
  sealSsoState,
  setSsoStateCookie,
  unsealSsoState,
} from './sso-state';
import { SsoStartQueryDto, SsoStatusDto } from './sso.dto';
import { SsoFailure, SsoService } from './sso.service';

const CALLBACK_PATH = '/api/v1/auth/sso/callback';

function signInPageWith(code: SsoError): string {
  return `/sign-in?${SSO_ERROR_PARAM}=${code}`;
}

/**
 * Single sign-on through the configured OpenID Connect provider. The browser navigates these
 * routes itself, so after the start every outcome is a redirect: back into the app with a session,
 * or to the sign-in page with an error code it translates.
 */
@ApiTags('auth')
@ApiProblemResponses(500, 503)
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly config: ApiConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether single sign-on is offered, and the provider’s name for the button' })
  @ApiOkResponse({ type: SsoStatusDto })
  status(): SsoStatusDto {
    return this.sso.status();
  }

  @Get('start')
  @Public()
  @ApiOperation({ summary: 'Send the browser to the provider to sign in; 404 when single sign-on is off' })
  @ApiFoundResponse({ description: 'To the provider, or to the sign-in page when it cannot be reached' })
  @ApiProblemResponses(400, 404)
  async start(
    @Query() query: SsoStartQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.config.ssoEnabled) throw new SsoDisabledError();
    const redirectUri = `${request.protocol}://${request.host}${CALLBACK_PATH}`;
    try {
      const started = await this.sso.start(query.returnTo, redirectUri);
      setSsoStateCookie(request, reply, sealSsoState(started.state, this.config.APP_SECRET));
      reply.redirect(started.authorizationUrl, HttpStatus.FOUND);
    } catch (error) {
      if (!(error instanceof SsoFailure)) throw error;
      reply.redirect(signInPageWith(error.code), HttpStatus.FOUND);
    }
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary:
      'Where the provider sends the browser back: starts a session (refresh-token cookie) and returns to the app',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'error', required: false, description: 'Set by the provider when it refused' })
  @ApiFoundResponse({ description: 'Into the app when signed in, else to /sign-in?ssoError=<code>' })
  @ApiProblemResponses(404)
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.ssoEnabled) throw new SsoDisabledError();
    const state = unsealSsoState(readSsoStateCookie(request), this.config.APP_SECRET);
    // one use only: a replayed callback finds no state
    clearSsoStateCookie(request, reply);
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const outcome = await this.sso.callback(query, state, originOf(request));
    if (outcome.kind === 'failed') {
      reply.redirect(signInPageWith(outcome.code), HttpStatus.FOUND);
      return;
    }
    setRefreshCookie(request, reply, outcome.session.refreshToken);
    reply.redirect(outcome.returnTo, HttpStatus.FOUND);
  }
}
