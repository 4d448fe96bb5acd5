import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'seed_run' })
export class SeedRunEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_seed_run' })
  name!: string;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}
