import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { createValidationPipe } from '@border-academy/api-platform';
import { FastifyRequest } from 'fastify';

import { SignInRequestDto } from './auth.dto';

/**
 * The local strategy behind a validated body. Guards run before pipes, and passport answers a missing
 * field with 401 as if the password were wrong; a malformed body is the caller's mistake (400 with the
 * field errors) and must not count as a failed attempt on the account.
 */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.validation.transform(request.body, { type: 'body', metatype: SignInRequestDto });
    return (await super.canActivate(context)) as boolean;
  }
}
