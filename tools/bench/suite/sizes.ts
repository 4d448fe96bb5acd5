/** What each size of generated data holds. */
export interface BenchSize {
  name: 'S' | 'M' | 'L';
  users: number;
  /** Border posts added under the seeded regions, on top of the demo org tree. */
  posts: number;
  courses: number;
  enrolmentsPerUser: number;
  /** Progress events per enrolment, on average. */
  eventsPerEnrolment: number;
}

export const SIZES: Record<BenchSize['name'], BenchSize> = {
  S: { name: 'S', users: 1_000, posts: 50, courses: 20, enrolmentsPerUser: 5, eventsPerEnrolment: 5 },
  M: { name: 'M', users: 20_000, posts: 500, courses: 200, enrolmentsPerUser: 10, eventsPerEnrolment: 10 },
  L: { name: 'L', users: 100_000, posts: 2_000, courses: 500, enrolmentsPerUser: 10, eventsPerEnrolment: 10 },
};

/** Qualifications, and positions requiring 3 to 8 of them each, at every size. */
export const BENCH_QUALIFICATIONS = 30;
export const BENCH_POSITIONS = 10;

/** Lessons in each generated course: two modules of three text lessons. */
export const LESSONS_PER_COURSE = 6;

export function sizeOf(args: string[]): BenchSize {
  const index = args.indexOf('--size');
  const name = (index >= 0 ? args[index + 1] : 'S')?.toUpperCase();
  if (name !== 'S' && name !== 'M' && name !== 'L') throw new Error(`--size must be S, M or L, not ${name}`);
  return SIZES[name];
}

/** Where a size's data lives: its own embedded cluster, or a database of its own next to DATABASE_URL. */
export function benchLocation(size: BenchSize): { dataDir: string; port: number; database: string } {
  return {
    dataDir: `.data/bench-${size.name.toLowerCase()}`,
    port: 54370 + ['S', 'M', 'L'].indexOf(size.name),
    database: `border_academy_bench_${size.name.toLowerCase()}`,
  };
}
