import { MailDelivery, MailDeliveryStatus, type MailData, type MailTemplate } from '../../entities/mail-delivery.entity.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { OrganizationScope } from '../tenancy/organization-scope.js';

export const SEND_MAIL_TASK = 'counterchat:send-mail';

/** A send-mail job's payload (JSON in the queue). */
export interface SendMailPayload {
  v: 1;
  organizationId: string;
  deliveryId: string;
  /** The link the mail carries, sealed (SecretBox): it holds a single-use token, and the queue is a table like any other. */
  sealedLink: string;
}

export interface MailToQueue {
  template: MailTemplate;
  to: string;
  /** What the template fills in besides the link: names, dates; never a secret, never health information. */
  data: MailData;
  link: string;
  /** A newer mail with the same key replaces this one while it is still queued (a resent invitation). */
  key?: string;
}

/** Attempts before a mail is FAILED: exponential backoff makes that some six hours. */
const MAIL_MAX_ATTEMPTS = 10;

/**
 * Records an e-mail and queues its sending, in the scope's transaction: the mail exists
 * exactly when the change that caused it committed (an invitation and its mail commit
 * together), and a restart doesn't lose it.
 */
export async function queueMail(scope: OrganizationScope, secrets: SecretBox, mail: MailToQueue): Promise<MailDelivery> {
  if (mail.key) {
    await scope.update(MailDelivery, { jobKey: mail.key, status: MailDeliveryStatus.QUEUED }, { status: MailDeliveryStatus.REPLACED, updatedAt: new Date() });
  }
  const delivery = await scope.insert(MailDelivery, {
    template: mail.template,
    recipient: mail.to,
    data: mail.data,
    status: MailDeliveryStatus.QUEUED,
    attempts: 0,
    jobKey: mail.key ?? null,
    lastError: null,
    sentAt: null,
    updatedAt: new Date(),
  });
  await scope.enqueueJob<SendMailPayload>({
    task: SEND_MAIL_TASK,
    payload: { v: 1, organizationId: scope.organizationId, deliveryId: delivery.id, sealedLink: secrets.seal(mail.link) },
    jobKey: mail.key ? `mail:${mail.key}` : undefined,
    maxAttempts: MAIL_MAX_ATTEMPTS,
  });
  return delivery;
}
