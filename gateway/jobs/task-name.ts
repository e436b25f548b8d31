/** Every task name starts with this: the enqueue function refuses others. */
export const TASK_PREFIX = 'counterchat:';

export type TaskName = `${typeof TASK_PREFIX}${string}`;
