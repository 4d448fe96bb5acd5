import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@border-academy/api-platform';
import { OrgUnitRef, Page, PersonRef } from '@border-academy/shared-contracts';
import { applyDecorators, Type as ClassType } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Shapes shared by the authoring routes. */
export class IdParamDto {
  @IsUUID()
  id!: string;
}

export class SearchPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Case-insensitive search' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PersonRefDto implements PersonRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;
}

export class OrgUnitRefDto implements OrgUnitRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: { en: 'Border Service', ru: 'Пограничная служба' } })
  name!: OrgUnitRef['name'];
}

export const COMPLETENESS_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0, maximum: 100 },
  example: { en: 100, ru: 85 },
  description: 'Percentage of the learner-facing texts filled in, per content language',
} as const;

/** An optional list of ids that replaces a course's list (audience, authors, …) when given. */
export function IsIdList(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], format: 'uuid', description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100),
    IsUUID('all', { each: true }),
  );
}

/** The OpenAPI shape of a page of `item`s. */
export function PageDtoOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty()
    total!: number;

    @ApiProperty()
    page!: number;

    @ApiProperty()
    pageSize!: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
