import { startJobWorker, type JobWorker } from '../jobs/job-queue.js';
import type { AsTenant, JobTaskList } from '../jobs/job-task.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { SEND_MAIL_TASK } from '../mail/queue-mail.js';
import { sendMailTask } from '../mail/send-mail-task.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import { PASSWORD_RESET_REQUEST_TASK, passwordResetRequestTask } from '../../resolvers/account/password-reset.service.js';
import type { ServerDependencies } from './config.js';
import type { WebPushSender } from '../notifications/web-push-sender.js';
import { SEND_WEB_PUSH_TASK, STAFF_ALERTS_TASK, sendWebPushTask, staffAlertsTask } from '../../resolvers/staff-notification/staff-push.task.js';
import { STAFF_DIGEST_TASK, staffDigestTask } from '../../resolvers/staff-notification/staff-digest.task.js';

/**
 * Every background task, by name: the one list the gateway's worker and the operator's CLI
 * run. A feature that needs background work registers its task here.
 */
export function gatewayJobTasks(parts: { mailer: Mailer; secrets: SecretBox; database: TenantDatabase; publicUrl: string; webPush: WebPushSender }): JobTaskList {
  return {
    [SEND_MAIL_TASK]: sendMailTask(parts),
    [PASSWORD_RESET_REQUEST_TASK]: passwordResetRequestTask(parts),
    [STAFF_ALERTS_TASK]: staffAlertsTask(),
    [STAFF_DIGEST_TASK]: staffDigestTask(parts),
    [SEND_WEB_PUSH_TASK]: sendWebPushTask(parts),
  };
}

/** Tasks reach the database only as one pharmacy at a time. */
export const asTenantOf =
  (database: TenantDatabase): AsTenant =>
  (organizationId, work) =>
    database.asTenant({ organizationId }, work);

/** This instance's job worker (every instance runs one; they share the queue) and what its tasks use. */
export async function startGatewayJobs(deps: ServerDependencies): Promise<JobWorker> {
  const mailer = createMailer(deps.config.mail);
  const worker = await startJobWorker({
    ...deps.config.jobs,
    ownerConnectionString: deps.jobQueueUrl,
    tasks: gatewayJobTasks({ mailer, secrets: deps.secrets, database: deps.database, publicUrl: deps.config.publicUrl, webPush: deps.webPush }),
    asTenant: asTenantOf(deps.database),
  });
  return {
    async dispose() {
      await worker.dispose();
      mailer.dispose();
    },
  };
}
