import { LocalizedText, OrgUnitKind, OrgUnitStatus } from '@border-academy/shared-contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'org_unit' })
@Check('ck_org_unit_code', `"code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('ck_org_unit_name_en', `jsonb_typeof("name") = 'object' AND "name" ? 'en'`)
@Check('ck_org_unit_depth', `"depth" >= 0`)
// The btree on path uses text_pattern_ops, which TypeORM cannot express; the migration owns it.
@Index('ix_org_unit_path', { synchronize: false })
@Index('ix_org_unit_parent_id_status', ['parentId', 'status'])
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_org_unit' })
  id!: string;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({
    type: 'enum',
    enum: ['country', 'agency', 'directorate', 'region', 'border_post', 'unit'],
    enumName: 'org_unit_kind',
  })
  kind!: OrgUnitKind;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'enum', enum: ['active', 'inactive'], enumName: 'org_unit_status', default: 'active' })
  status!: OrgUnitStatus;

  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_unit_parent' })
  parent?: OrgUnitEntity | null;

  /** Ancestors' codes and the unit's own code joined by dots; a subtree is `path LIKE 'prefix%'`. */
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'integer' })
  depth!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
