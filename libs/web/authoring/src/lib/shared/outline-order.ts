import { CourseModule, ReorderOutlineRequest } from '@border-academy/shared-contracts';

/** Where an item of the outline now is, to announce after a move. */
export interface OutlinePlace {
  moduleIndex: number;
  /** Absent for a module. */
  lessonIndex?: number;
}

/** A module moved one place up (-1) or down (+1); null when it is already at that end. */
export function moveModule(
  modules: readonly CourseModule[],
  index: number,
  delta: -1 | 1,
): { modules: CourseModule[]; place: OutlinePlace } | null {
  const target = index + delta;
  if (index < 0 || index >= modules.length || target < 0 || target >= modules.length) return null;
  const next = [...modules];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved);
  return { modules: next, place: { moduleIndex: target } };
}

/**
 * A lesson moved one place up or down. At the top of its module it goes to the end of the module above,
 * at the bottom to the start of the module below, so the keyboard reaches every place drag and drop does.
 */
export function moveLesson(
  modules: readonly CourseModule[],
  moduleIndex: number,
  lessonIndex: number,
  delta: -1 | 1,
): { modules: CourseModule[]; place: OutlinePlace } | null {
  const module = modules[moduleIndex];
  if (!module || lessonIndex < 0 || lessonIndex >= module.lessons.length) return null;
  const target = lessonIndex + delta;
  if (target >= 0 && target < module.lessons.length) {
    return {
      modules: transferLesson(modules, moduleIndex, lessonIndex, moduleIndex, target),
      place: { moduleIndex, lessonIndex: target },
    };
  }
  const neighbour = moduleIndex + delta;
  if (neighbour < 0 || neighbour >= modules.length) return null;
  const place = delta < 0 ? modules[neighbour].lessons.length : 0;
  return {
    modules: transferLesson(modules, moduleIndex, lessonIndex, neighbour, place),
    place: { moduleIndex: neighbour, lessonIndex: place },
  };
}

/** A lesson taken from one place and put at another, possibly in another module (drag and drop). */
export function transferLesson(
  modules: readonly CourseModule[],
  fromModule: number,
  fromIndex: number,
  toModule: number,
  toIndex: number,
): CourseModule[] {
  const next = modules.map((module) => ({ ...module, lessons: [...module.lessons] }));
  const [lesson] = next[fromModule].lessons.splice(fromIndex, 1);
  if (!lesson) return next;
  const target = next[toModule].lessons;
  target.splice(Math.max(0, Math.min(toIndex, target.length)), 0, { ...lesson, moduleId: next[toModule].id });
  return next;
}

/** The order as the server takes it: every module and lesson once. */
export function outlineOrder(modules: readonly CourseModule[]): ReorderOutlineRequest {
  return {
    modules: modules.map((module) => ({ id: module.id, lessonIds: module.lessons.map((l) => l.id) })),
  };
}
