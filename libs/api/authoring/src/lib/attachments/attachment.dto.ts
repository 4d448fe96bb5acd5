import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class AttachmentUploadQueryDto {
  @ApiPropertyOptional({
    maxLength: 255,
    description: 'The file’s name, shown to learners and used on download',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class AttachmentContentQueryDto {
  @ApiProperty({ description: 'Expiry of the signed address, in seconds since the epoch' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expires!: number;

  @ApiProperty({ description: 'Signature of the address' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/)
  signature!: string;
}
