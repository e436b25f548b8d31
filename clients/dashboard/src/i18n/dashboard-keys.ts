import type { en } from './en.js';

type Keys = keyof typeof en;
/** `unread_one`/`unread_other` are asked for as `unread` with a count. */
export type DashboardKey = Keys extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type Translate = (key: DashboardKey, values?: Record<string, string | number>) => string;
