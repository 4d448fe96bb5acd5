/** A text in English and Russian, as every demo course is written. */
export interface Bilingual {
  en: string;
  ru: string;
}

export type DemoLesson =
  | { kind: 'text'; title: Bilingual; body: Bilingual; estimatedMinutes: number }
  | { kind: 'link'; title: Bilingual; body: Bilingual; externalUrl: string; estimatedMinutes: number }
  /** Plays the course's quiz. */
  | { kind: 'quiz'; title: Bilingual; estimatedMinutes: number };

export type DemoQuestion = {
  stem: Bilingual;
  tags: string[];
  feedbackCorrect?: Bilingual;
  feedbackIncorrect?: Bilingual;
} & (
  | {
      kind: 'single-choice' | 'multiple-choice';
      options: { text: Bilingual; correct: boolean; feedback?: Bilingual }[];
    }
  | { kind: 'true-false'; correct: boolean }
  | { kind: 'short-answer'; accepted: string[]; match: 'exact' | 'pattern' }
);

/** A published demo course: its settings, its content in both languages, and who wrote and published it. */
export interface DemoCourse {
  code: string;
  area: 'IBM' | 'MIGRATION' | 'TRADE';
  level: 'basic' | 'intermediate' | 'advanced';
  estimatedHours: number;
  /** Code of the owning org unit; its country's demo trainer is the author and its reviewer published it. */
  ownerUnit: string;
  country: string;
  competencies: string[];
  title: Bilingual;
  description: Bilingual;
  modules: { title: Bilingual; lessons: DemoLesson[] }[];
  quiz: {
    title: Bilingual;
    instructions: Bilingual;
    passMarkPercent: number;
    attemptLimit: number;
    timeLimitMinutes: number | null;
    questions: DemoQuestion[];
  };
}
