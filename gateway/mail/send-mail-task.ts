import { MailDelivery, MailDeliveryStatus } from '../../entities/mail-delivery.entity.js';
import type { JobTask } from '../jobs/job-task.js';
import { logger } from '../logging/logger.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { mailLanguageOf } from './mail-language.js';
import type { Mailer } from './mailer.js';
import type { SendMailPayload } from './queue-mail.js';
import { renderTemplate } from './templates/render-template.js';

/** Longest failure text kept for admins: enough for "connect ECONNREFUSED 10.0.0.5:587" or an SMTP reply. */
const ERROR_TEXT_LIMIT = 300;

/**
 * Sends one queued mail and records how it went on its delivery row (what admins see). A
 * failure is recorded (RETRYING, or FAILED after the last attempt) and thrown, so the job
 * queue tries again with backoff. A mail already sent, or whose pharmacy is gone, is skipped.
 */
export function sendMailTask(deps: { mailer: Mailer; secrets: SecretBox }): JobTask<SendMailPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`send-mail payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, async (scope) => {
      const delivery = await scope.mailDeliveries().andWhere('delivery.id = :id', { id: payload.deliveryId }).getOne();
      if (!delivery || delivery.status === MailDeliveryStatus.SENT) return;
      const organization = await scope.organization();
      const mail = renderTemplate(delivery.template, delivery.data, deps.secrets.open(payload.sealedLink), mailLanguageOf(organization.settings));
      const record = (values: Partial<MailDelivery>) =>
        scope.update(MailDelivery, { id: delivery.id }, { ...values, attempts: run.attempt, updatedAt: new Date() });
      try {
        await deps.mailer.send({ to: delivery.recipient, ...mail });
      } catch (error) {
        const lastError = describeFailure(error);
        const status = run.attempt >= run.maxAttempts ? MailDeliveryStatus.FAILED : MailDeliveryStatus.RETRYING;
        await record({ status, lastError });
        // The reason only: the message holds a sign-in link.
        const fields = { deliveryId: delivery.id, attempt: run.attempt, status, reason: lastError };
        if (status === MailDeliveryStatus.FAILED) logger.error(fields, 'An e-mail could not be sent; no more attempts');
        else logger.warn(fields, 'An e-mail could not be sent; it is tried again later');
        throw new Error(`Mail ${delivery.id} not sent: ${lastError}`);
      }
      await record({ status: MailDeliveryStatus.SENT, lastError: null, sentAt: new Date() });
    });
  };
}

/** What went wrong, as the network or the mail server said it; nodemailer puts no message content in errors. */
export function describeFailure(error: unknown): string {
  const { message, code, responseCode } = (error ?? {}) as { message?: unknown; code?: unknown; responseCode?: unknown };
  const text = [typeof code === 'string' ? code : undefined, typeof responseCode === 'number' ? String(responseCode) : undefined, typeof message === 'string' ? message : String(error)]
    .filter(Boolean)
    .join(' ');
  return text.replace(/\s+/g, ' ').slice(0, ERROR_TEXT_LIMIT);
}
