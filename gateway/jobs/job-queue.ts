import { Logger, parseCronItems, run, runMigrations, runOnce, type LogFunctionFactory, type Runner, type TaskList } from 'graphile-worker';
import { logger } from '../logging/logger.js';
import type { AsTenant, JobTaskList } from './job-task.js';
import type { TaskName } from './task-name.js';


export interface JobQueueOptions {
  /** Jobs this instance runs at once. Default 2: mail sending waits on the network, not the CPU. */
  concurrency: number;
  /** How often the worker looks for jobs due later (retries, `runAt`); new jobs wake it at once (LISTEN/NOTIFY). Default 2 s. */
  pollIntervalMs: number;
}

export const DEFAULT_JOB_QUEUE_OPTIONS: JobQueueOptions = { concurrency: 2, pollIntervalMs: 2_000 };

/**
 * graphile-worker's lines go to our logger; its chatty start and stop lines at debug. Its
 * `meta` holds the whole job, payload included: only the job's id, task and attempt are kept.
 */
const logFactory: LogFunctionFactory = (scope) => (level, message, meta) => {
  const job = (meta as { job?: { id?: string; task_identifier?: string; attempts?: number } } | undefined)?.job;
  const fields = { jobQueue: { label: scope.label, workerId: scope.workerId, ...(job ? { jobId: job.id, task: job.task_identifier, attempt: job.attempts } : {}) } };
  // A failed attempt is retried: the task itself logs the one that gives up at error.
  if (level === 'error' && !job) logger.error(fields, message);
  else if (level === 'error') logger.warn(fields, message);
  else if (level === 'warning') logger.warn(fields, message);
  else logger.debug(fields, message);
};
const workerLogger = new Logger(logFactory);

/**
 * Creates or updates graphile-worker's own schema (`graphile_worker`), as the schema's owner,
 * after Counterchat's migrations. Idempotent, and safe with several instances starting at once.
 */
export async function migrateJobQueue(ownerConnectionString: string): Promise<void> {
  await runMigrations({ connectionString: ownerConnectionString, logger: workerLogger, maxPoolSize: 1 });
}

export interface JobWorker {
  /** Stops taking jobs and waits for those running to finish (their transactions and sends). */
  dispose(): Promise<void>;
}

/** A task the queue adds on a schedule (graphile-worker's cron: with several instances, each moment is scheduled once). */
export interface RecurringJob {
  task: TaskName;
  /** Crontab pattern in UTC, e.g. `0 * * * *` for every hour. */
  cron: string;
}

export interface JobWorkerOptions extends JobQueueOptions {
  /** The owner's connection: graphile-worker's tables belong to it, not to the application role. */
  ownerConnectionString: string;
  tasks: JobTaskList;
  asTenant: AsTenant;
  /** Recurring jobs this instance schedules (their tasks must be in `tasks`); none by default. */
  recurring?: readonly RecurringJob[];
}

/**
 * Runs the queue's jobs on this instance (every gateway instance runs a worker; they share
 * the queue with row locks). Jobs are durable: one queued before a restart, or one whose
 * worker died mid-way (its lock expires), runs after it.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const runner: Runner = await run({
    connectionString: options.ownerConnectionString,
    // A connection per running job, one to listen for new jobs, one spare.
    maxPoolSize: options.concurrency + 2,
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    // The gateway stops in its own order (main.ts); no library may exit the process on a signal.
    noHandleSignals: true,
    logger: workerLogger,
    // Without batching, graphile-worker records a job's success or failure in a promise nobody
    // awaits: with PostgreSQL away at that moment (a restart) it became an unhandled rejection,
    // and the last-resort policy stopped the gateway. Batched (delay 0: at once), it retries
    // with backoff for minutes instead.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    taskList: asGraphileTasks(options.tasks, options.asTenant),
    // Ours only: never a `crontab` file from the working directory. A missed moment is not made up (no backfill); one attempt each.
    parsedCronItems: parseCronItems((options.recurring ?? []).map(({ task, cron }) => ({ task, match: cron, identifier: task, options: { backfillPeriod: 0, maxAttempts: 1, jobKey: task } }))),
  });
  // Settles when the worker stops; a rejection (its pool gave up) must not become an unhandled one.
  runner.promise.catch((error: unknown) => logger.error({ err: error }, 'The job worker stopped; queued jobs wait for another instance or a restart.'));
  return {
    async dispose() {
      await runner.stop();
    },
  };
}

/**
 * Runs every job due now, then returns: the operator's CLI sends what it queued this way when
 * no gateway is running to do it.
 */
export async function runDueJobs(options: Omit<JobWorkerOptions, keyof JobQueueOptions | 'recurring'>): Promise<void> {
  await runOnce({
    connectionString: options.ownerConnectionString,
    maxPoolSize: 2,
    noHandleSignals: true,
    logger: workerLogger,
    taskList: asGraphileTasks(options.tasks, options.asTenant),
  });
}

function asGraphileTasks(tasks: JobTaskList, asTenant: AsTenant): TaskList {
  return Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => [
      name,
      (payload: unknown, helpers) =>
        task(payload as never, { id: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, asTenant }),
    ]),
  );
}
