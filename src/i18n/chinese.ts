import { catalogueOf } from './catalogue';

/** The Simplified Chinese messages: a chunk of their own, loaded when the language is chosen (see index.ts). */
export const chinese = catalogueOf(import.meta.glob('./locales/zh-CN/*.json', { eager: true, import: 'default' }));
