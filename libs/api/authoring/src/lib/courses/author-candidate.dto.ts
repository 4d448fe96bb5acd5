import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuthorCandidate, AuthorCandidateQuery } from '@border-academy/shared-contracts';
import { IsOptional, IsUUID } from 'class-validator';

import { PageDtoOf, SearchPageQueryDto } from '../dto';

export class AuthorCandidateQueryDto extends SearchPageQueryDto implements AuthorCandidateQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this person' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class AuthorCandidateDto implements AuthorCandidate {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty()
  login!: string;
}

export class AuthorCandidatePageDto extends PageDtoOf(AuthorCandidateDto) {}
