import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '@border-academy/shared-contracts';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  en!: string;

  @ApiPropertyOptional()
  ru?: string;
}
