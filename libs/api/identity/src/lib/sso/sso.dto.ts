import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SsoStatus } from '@border-academy/shared-contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SsoStatusDto implements SsoStatus {
  @ApiProperty()
  enabled!: boolean;

  @ApiPropertyOptional({
    description: 'The provider’s name for the sign-in button',
    example: 'Agency account',
  })
  displayName?: string;
}

export class SsoStartQueryDto {
  @ApiPropertyOptional({
    description:
      'The app path to return to after signing in; anything but a path of this app means the home page',
    example: '/profile',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}
