import type { OrganizationScope } from '../tenancy/organization-scope.js';
import type { TaskName } from './task-name.js';

/** Work on one pharmacy's rows, as that tenant (row-level security): the only way a task reaches the database. */
export type AsTenant = <T>(organizationId: string, work: (scope: OrganizationScope) => Promise<T>) => Promise<T>;

/** What a task gets besides its payload. */
export interface JobRun {
  /** graphile-worker's job id, for logs. */
  id: string;
  /** 1 on the first try; a task that throws is tried again later (exponential backoff) until `maxAttempts`. */
  attempt: number;
  maxAttempts: number;
  asTenant: AsTenant;
}

/**
 * A background task: a plain function of its payload (plain JSON, versioned by a `v` field
 * so an older and a newer instance can share the queue during a deploy). Throwing fails this
 * attempt; the queue retries it with backoff.
 */
export type JobTask<Payload = never> = (payload: Payload, run: JobRun) => Promise<void>;

/** Task name → task: what a worker runs. Features register theirs in the composition root. */
export type JobTaskList = Record<TaskName, JobTask<any>>;
