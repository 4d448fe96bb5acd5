import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';

import { AuthService } from './auth.service';
import { CredentialRow } from './auth.repository';

export function originOf(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** Login (or e-mail) and password from the sign-in body; the failures are problems thrown by the service. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: FastifyRequest, login: string, password: string): Promise<CredentialRow> {
    return this.auth.verifyCredentials(login, password, originOf(request));
  }
}
