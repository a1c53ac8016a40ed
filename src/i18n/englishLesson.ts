import { catalogueOf } from './catalogue';

/**
 * The English texts of the guided lesson's steps: a small chunk of their own, loaded when the
 * lesson card first opens (see index.ts and components/lesson/LessonCard.tsx).
 */
export const englishLesson = catalogueOf(import.meta.glob('./locales/en/lessonSteps.json', { eager: true, import: 'default' }));
