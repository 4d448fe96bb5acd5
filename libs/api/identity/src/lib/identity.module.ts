import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@border-academy/api-audit';
import { ApiConfig, SlidingWindowThrottlerStorage } from '@border-academy/api-platform';

import { AuthController, MeController } from './auth/auth.controller';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { LocalStrategy } from './auth/local.strategy';
import { PasswordResetRepository } from './password-reset/password-reset.repository';
import { PasswordResetService } from './password-reset/password-reset.service';
import { IdentityPersonalData } from './privacy/identity-personal-data';
import { PrivacyController } from './privacy/privacy.controller';
import { PrivacyService } from './privacy/privacy.service';
import { SsoController } from './sso/sso.controller';
import { SsoRepository } from './sso/sso.repository';
import { SsoService } from './sso/sso.service';
import { UserController } from './users/user.controller';
import { UserRepository } from './users/user.repository';
import { UserService } from './users/user.service';

@Module({
  imports: [
    AuditModule,
    PassportModule.register({ session: false }),
    ThrottlerModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.SIGN_IN_ATTEMPTS_PER_MINUTE }],
        storage: new SlidingWindowThrottlerStorage(),
      }),
    }),
  ],
  controllers: [AuthController, MeController, SsoController, UserController, PrivacyController],
  providers: [
    AuthRepository,
    AuthService,
    LocalStrategy,
    PasswordResetRepository,
    PasswordResetService,
    IdentityPersonalData,
    PrivacyService,
    SsoRepository,
    SsoService,
    UserRepository,
    UserService,
  ],
  exports: [AuthService],
})
export class IdentityModule {}
