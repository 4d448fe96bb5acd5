import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ChangePasswordRequest,
  CurrentUser,
  LanguageCode,
  MIN_PASSWORD_LENGTH,
  ROLES,
  ResetPasswordRequest,
  Role,
  RoleGrant,
  SUPPORTED_LANGUAGES,
  SessionResponse,
  SignInRequest,
} from '@border-academy/shared-contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignInRequestDto implements SignInRequest {
  @ApiProperty({ description: 'Login or e-mail address', example: 'kz.border.learner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  login!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}

export class ChangePasswordRequestDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description: `At least ${MIN_PASSWORD_LENGTH} characters, not a common password`,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  newPassword!: string;
}

export class ResetPasswordRequestDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'The token from the path of the reset link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description: `At least ${MIN_PASSWORD_LENGTH} characters, not a common password, not the login, e-mail or name`,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  newPassword!: string;
}

class OrgUnitNameDto {
  @ApiProperty()
  en!: string;

  @ApiPropertyOptional()
  ru?: string;
}

export class RoleGrantDto implements RoleGrant {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ format: 'uuid' })
  orgUnitId!: string;

  @ApiProperty({ type: OrgUnitNameDto })
  orgUnitName!: OrgUnitNameDto;
}

export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  login!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiPropertyOptional()
  fullNameCyrillic?: string;

  @ApiProperty({ enum: SUPPORTED_LANGUAGES })
  language!: LanguageCode;

  @ApiProperty({ format: 'uuid' })
  orgUnitId!: string;

  @ApiProperty({ type: [RoleGrantDto] })
  grants!: RoleGrantDto[];
}

export class SessionResponseDto implements SessionResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header; valid for 15 minutes' })
  accessToken!: string;

  @ApiProperty({ format: 'date-time' })
  accessTokenExpiresAt!: string;

  @ApiProperty({ type: CurrentUserDto })
  user!: CurrentUserDto;
}
