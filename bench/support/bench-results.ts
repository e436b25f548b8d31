import type { FanOutRun } from '../scenarios/fan-out.js';
import type { IdleConnectionsResult } from '../scenarios/idle-connections.js';
import type { InboxGrowthResult } from '../scenarios/inbox-growth.js';
import type { ReconnectStormResult } from '../scenarios/reconnect-storm.js';
import type { SendPathResult } from '../scenarios/send-path.js';
import type { SessionCheckResult } from '../scenarios/session-check.js';
import type { UploadMemoryResult } from '../scenarios/upload-memory.js';
import type { ProfileSummary } from './cpu-profile.js';

/** One run of `npm run bench`: what run.ts gathers and report.ts writes. */
export interface BenchResults {
  startedAt: string;
  quick: boolean;
  database: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  durationSeconds?: number;
  sendPath?: SendPathResult;
  fanOut?: FanOutRun[];
  inboxGrowth?: InboxGrowthResult;
  idleConnections?: IdleConnectionsResult;
  reconnectStorm?: ReconnectStormResult;
  uploadMemory?: UploadMemoryResult;
  sessionCheck?: SessionCheckResult;
  /** With BENCH_PROFILE_DIR: where each gateway spent its CPU in the measured rounds. */
  profiles?: ProfileSummary[];
  /** Scenarios that could not finish, and why. */
  failures?: { scenario: string; error: string }[];
}
