import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERENCE_CODE_MAX_LENGTH } from '@border-academy/shared-contracts';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

/** `POST /api/v1/course-imports`: where the imported course goes and, if wanted, its code. */
export class CourseImportQueryDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The unit that will own the course; inside your authoring scope',
  })
  @IsUUID()
  ownerOrgUnitId!: string;

  @ApiPropertyOptional({
    example: 'ibm-basics',
    maxLength: REFERENCE_CODE_MAX_LENGTH,
    description:
      'The new course’s code (409 when taken); by default the package’s, or the first free `code-2`, `code-3`, …',
  })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be lower-case letters and digits in words joined by dashes',
  })
  @MaxLength(REFERENCE_CODE_MAX_LENGTH)
  code?: string;
}
