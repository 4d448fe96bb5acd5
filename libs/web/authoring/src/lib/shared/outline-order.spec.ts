import { CourseModule } from '@border-academy/shared-contracts';

import { moveLesson, moveModule, outlineOrder, transferLesson } from './outline-order';

function outline(): CourseModule[] {
  const lesson = (id: string, moduleId: string) => ({
    id,
    moduleId,
    kind: 'text' as const,
    title: { en: id },
    required: true,
  });
  return [
    { id: 'm1', title: { en: 'Pillars' }, lessons: [lesson('a', 'm1'), lesson('b', 'm1')] },
    { id: 'm2', title: { en: 'Cooperation' }, lessons: [lesson('c', 'm2')] },
    { id: 'm3', title: { en: 'Empty' }, lessons: [] },
  ];
}

const ids = (modules: CourseModule[]) => modules.map((m) => `${m.id}:${m.lessons.map((l) => l.id).join('')}`);

describe('outline order', () => {
  it('moves a module up and down, and not past either end', () => {
    const down = moveModule(outline(), 0, 1);
    expect(down && ids(down.modules)).toEqual(['m2:c', 'm1:ab', 'm3:']);
    expect(down?.place).toEqual({ moduleIndex: 1 });
    expect(moveModule(outline(), 0, -1)).toBeNull();
    expect(moveModule(outline(), 2, 1)).toBeNull();
  });

  it('moves a lesson within its module', () => {
    const moved = moveLesson(outline(), 0, 1, -1);
    expect(moved && ids(moved.modules)).toEqual(['m1:ba', 'm2:c', 'm3:']);
    expect(moved?.place).toEqual({ moduleIndex: 0, lessonIndex: 0 });
  });

  it('moves a lesson past the end of its module into the next one, and back to the end of the one above', () => {
    const down = moveLesson(outline(), 0, 1, 1);
    expect(down && ids(down.modules)).toEqual(['m1:a', 'm2:bc', 'm3:']);
    expect(down?.place).toEqual({ moduleIndex: 1, lessonIndex: 0 });
    expect(down?.modules[1].lessons[0].moduleId).toBe('m2');

    const up = down && moveLesson(down.modules, 1, 0, -1);
    expect(up && ids(up.modules)).toEqual(['m1:ab', 'm2:c', 'm3:']);
    expect(up?.place).toEqual({ moduleIndex: 0, lessonIndex: 1 });
  });

  it('moves a lesson into an empty module and stops at the outline’s ends', () => {
    const moved = moveLesson(outline(), 1, 0, 1);
    expect(moved && ids(moved.modules)).toEqual(['m1:ab', 'm2:', 'm3:c']);
    expect(moveLesson(outline(), 0, 0, -1)).toBeNull();
    expect(moveLesson(outline(), 5, 0, 1)).toBeNull();
  });

  it('drops a dragged lesson at any place of any module without changing the original', () => {
    const original = outline();
    const moved = transferLesson(original, 0, 0, 1, 1);
    expect(ids(moved)).toEqual(['m1:b', 'm2:ca', 'm3:']);
    expect(ids(original)).toEqual(['m1:ab', 'm2:c', 'm3:']);
  });

  it('gives the server every module and lesson once, in order', () => {
    expect(outlineOrder(outline())).toEqual({
      modules: [
        { id: 'm1', lessonIds: ['a', 'b'] },
        { id: 'm2', lessonIds: ['c'] },
        { id: 'm3', lessonIds: [] },
      ],
    });
  });
});
