import { STATUS_CODES } from 'node:http';
import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails } from '@border-academy/shared-contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'pageSize' })
  field!: string;

  @ApiProperty({ example: 'pageSize must not be greater than 100' })
  message!: string;

  @ApiProperty({ example: 'max' })
  code!: string;
}

export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ example: 'about:blank' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/org-units' })
  instance?: string;

  @ApiPropertyOptional()
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

/** Documents the listed error statuses as `application/problem+json` bodies. */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto, FieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: STATUS_CODES[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
