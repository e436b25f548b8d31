/**
 * Where a `/shortcut` is being typed: a `/` at the start of the text or after whitespace,
 * followed by shortcut characters up to the caret. "and/or" or a URL is not a trigger.
 */
export interface SlashTrigger {
  /** Index of the `/`. */
  start: number;
  /** What follows it, up to the caret (lower-cased). */
  query: string;
}

const TRIGGER = /(?:^|\s)\/([A-Za-z0-9-]*)$/;

export function slashTriggerAt(text: string, caret: number): SlashTrigger | null {
  const match = TRIGGER.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() };
}

/** `text` with the trigger (the `/` up to the caret) replaced by `insert`, and where the caret goes. */
export function replaceTrigger(text: string, trigger: SlashTrigger, caret: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, trigger.start) + insert + text.slice(caret), caret: trigger.start + insert.length };
}

interface Pickable {
  shortcut: string;
  title: string;
  body: string;
}

/** Shortcuts starting with the query first (by shortcut), then replies whose title or body contains it. */
export function matchingReplies<T extends Pickable>(replies: readonly T[], query: string): T[] {
  if (!query) return [...replies];
  const starts = replies.filter((reply) => reply.shortcut.startsWith(query));
  const contains = replies.filter((reply) => !reply.shortcut.startsWith(query) && `${reply.shortcut} ${reply.title} ${reply.body}`.toLowerCase().includes(query));
  return [...starts, ...contains];
}
