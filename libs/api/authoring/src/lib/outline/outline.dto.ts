import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Attachment,
  ContentText,
  CreateLessonRequest,
  CreateModuleRequest,
  LESSON_KINDS,
  Lesson,
  LessonKind,
  RenderMarkdownRequest,
  RenderMarkdownResponse,
  UpdateLessonRequest,
  UpdateModuleRequest,
} from '@border-academy/shared-contracts';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { ApiContentText, CONTENT_TEXT_MAX_LENGTH, IsContentText } from '../content/content-text';
import { LessonSummaryDto } from '../versions/course-version.dto';

export class CreateModuleRequestDto implements CreateModuleRequest {
  @ApiContentText()
  @IsContentText()
  title!: ContentText;
}

export class UpdateModuleRequestDto implements UpdateModuleRequest {
  @ApiContentText()
  @IsContentText()
  title!: ContentText;
}

export class AttachmentDto implements Attachment {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ example: 'image/png', description: 'The type found in the content itself' })
  mediaType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ description: 'Signed, expiring address of the content; supports range requests' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class LessonDto extends LessonSummaryDto implements Lesson {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiContentText({ nullable: true, description: 'Markdown per language' })
  body!: ContentText | null;

  @ApiContentText({ description: 'Sanitised HTML per language' })
  bodyHtml!: ContentText;

  @ApiProperty({ type: AttachmentDto, nullable: true })
  attachment!: AttachmentDto | null;

  @ApiProperty({ type: String, nullable: true })
  externalUrl!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  quizId!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  estimatedMinutes!: number | null;
}

export class UpdateLessonRequestDto implements UpdateLessonRequest {
  @ApiContentText({ required: false })
  @IsOptional()
  @IsContentText()
  title?: ContentText;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiContentText({ required: false, nullable: true, description: 'Markdown per language' })
  @IsOptional()
  @IsContentText('long')
  body?: ContentText | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Video and document lessons',
  })
  @IsOptional()
  @IsUUID()
  attachmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Link lessons: an http(s) address' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  externalUrl?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Quiz lessons' })
  @IsOptional()
  @IsUUID()
  quizId?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  estimatedMinutes?: number | null;
}

export class CreateLessonRequestDto extends UpdateLessonRequestDto implements CreateLessonRequest {
  @ApiProperty({ enum: LESSON_KINDS })
  @IsIn(LESSON_KINDS)
  kind!: LessonKind;

  @ApiContentText()
  @IsContentText()
  declare title: ContentText;
}

export class RenderMarkdownRequestDto implements RenderMarkdownRequest {
  @ApiProperty({ maxLength: CONTENT_TEXT_MAX_LENGTH.long })
  @IsString()
  @MaxLength(CONTENT_TEXT_MAX_LENGTH.long)
  markdown!: string;
}

export class RenderMarkdownResponseDto implements RenderMarkdownResponse {
  @ApiProperty()
  html!: string;
}
