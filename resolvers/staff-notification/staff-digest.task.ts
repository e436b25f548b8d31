import { ConversationStatus } from '../../entities/conversation.entity.js';
import { MailTemplate } from '../../entities/mail-delivery.entity.js';
import { NotificationChannel, NotificationRecipientKind, NotificationStatus } from '../../entities/notification-log-entry.entity.js';
import { notificationSettingsOf, type NotificationSettings } from '../../entities/organization-settings.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { queueMail } from '../../gateway/mail/queue-mail.js';
import { recordNotification } from '../../gateway/notifications/notification-log.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

export const STAFF_DIGEST_TASK = 'counterchat:staff-digest';

/** Looks at one conversation's oldest unanswered customer message; plain ids, re-queued until it has waited long enough. */
export interface StaffDigestPayload {
  v: 1;
  organizationId: string;
  conversationId: string;
}

/** The customer message the pharmacy owes an answer to: the first since the last reply by staff or a partner. */
interface WaitingMessage {
  id: string;
  /** Seconds waited, counting only business hours when the pharmacy has set them. */
  waited: number;
}

const RECHECK_AT_LEAST_SECONDS = 60;

/**
 * Schedules the digest check of a conversation whose customer just wrote, if this message
 * is the first one waiting (a later one changes nothing: the wait counts from the first).
 * Runs in the alerts job, not in the send: off by default, it costs the send nothing.
 */
export async function scheduleStaffDigest(scope: OrganizationScope, conversationId: string, messageId: string, settings: NotificationSettings): Promise<void> {
  if (!settings.staffDigestEnabled) return;
  const waiting = await firstWaitingMessage(scope, conversationId, []);
  if (waiting?.id !== messageId) return;
  // Counted in wall-clock time here; the check itself counts business hours and waits on if needed.
  await enqueueCheck(scope, conversationId, settings.staffDigestMinutes * 60 - waiting.waited);
}

/**
 * The digest: when the conversation's first unanswered customer message has waited
 * `staffDigestMinutes` (in business hours, when the pharmacy set them), one e-mail to the
 * assignee, or to every pharmacist when nobody is assigned (the admins when there is no
 * pharmacist), unless they turned digests off. Never twice for the same waiting message: each
 * recipient's mail is claimed in the notification log (`digest:<staff>:<message>`) in the
 * transaction that queues it. Names and a link only; no message text.
 */
export function staffDigestTask(deps: { secrets: SecretBox; publicUrl: string }): JobTask<StaffDigestPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`staff-digest payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, (scope) =>
      scope.transaction(async (tx) => {
        const organization = await tx.organization();
        const settings = notificationSettingsOf(organization.settings);
        if (!settings.staffDigestEnabled) return;
        const conversation = await tx.conversations('conversation').andWhere('conversation.id = :id', { id: payload.conversationId }).getOne();
        if (!conversation || conversation.status === ConversationStatus.RESOLVED || conversation.status === ConversationStatus.CLOSED) return;
        const waiting = await firstWaitingMessage(tx, conversation.id, organization.settings.businessHours ?? [], organization.settings.timeZone);
        if (!waiting) return;
        const due = settings.staffDigestMinutes * 60;
        if (waiting.waited < due) return enqueueCheck(tx, conversation.id, due - waiting.waited);

        const link = `${deps.publicUrl}/dashboard/conversations/${encodeURIComponent(conversation.id)}`;
        for (const staff of await digestRecipients(tx, conversation.assigneeId)) {
          const claimed = await recordNotification(tx, {
            recipientKind: NotificationRecipientKind.STAFF,
            recipientId: staff.id,
            channel: NotificationChannel.DIGEST,
            address: staff.email,
            conversationId: conversation.id,
            status: NotificationStatus.SENT,
            dedupeKey: `digest:${staff.id}:${waiting.id}`,
          });
          if (!claimed) continue;
          await queueMail(tx, deps.secrets, {
            template: MailTemplate.STAFF_DIGEST,
            to: staff.email,
            data: { pharmacyName: organization.name, staffName: staff.name, minutesWaiting: settings.staffDigestMinutes, assignedToYou: conversation.assigneeId === staff.id ? 1 : 0 },
            link,
          });
        }
      }),
    );
  };
}

/** The first customer message since the last one from staff or a partner, and how long it has waited. */
async function firstWaitingMessage(scope: OrganizationScope, conversationId: string, hours: readonly unknown[], timeZone = 'UTC'): Promise<WaitingMessage | null> {
  const [row] = await scope.query<{ id: string; waited: number }>(
    `SELECT m.id,
            CASE WHEN jsonb_array_length($3::jsonb) = 0 THEN extract(epoch FROM now() - m.created_at)
                 ELSE business_seconds(m.created_at, now(), $3::jsonb, $4::text) END::float8 AS waited
       FROM message m
      WHERE m.organization_id = $1 AND m.conversation_id = $2 AND m.kind = 'TEXT' AND m.sender_type = 'CUSTOMER'
        AND m.sequence > coalesce((SELECT max(r.sequence) FROM message r
                                    WHERE r.organization_id = $1 AND r.conversation_id = $2 AND r.kind = 'TEXT' AND r.sender_type <> 'CUSTOMER'), 0)
      ORDER BY m.sequence
      LIMIT 1`,
    [conversationId, JSON.stringify(hours), timeZone],
  );
  return row ? { id: row.id, waited: Number(row.waited) } : null;
}

/** One pending check per conversation (a job key): a later schedule replaces an earlier one. */
function enqueueCheck(scope: OrganizationScope, conversationId: string, inSeconds: number): Promise<void> {
  return scope.enqueueJob<StaffDigestPayload>({
    task: STAFF_DIGEST_TASK,
    payload: { v: 1, organizationId: scope.organizationId, conversationId },
    runAt: new Date(Date.now() + Math.max(RECHECK_AT_LEAST_SECONDS, inSeconds) * 1000),
    jobKey: `staff-digest:${conversationId}`,
    maxAttempts: 5,
  });
}

/** The assignee, or the pharmacists (else the admins) when nobody is assigned; active, and not opted out of digests. */
async function digestRecipients(scope: OrganizationScope, assigneeId: string | null): Promise<{ id: string; email: string; name: string }[]> {
  const active = scope.staff('staff').andWhere('staff.deactivatedAt IS NULL');
  let people = assigneeId
    ? await active.andWhere('staff.id = :assigneeId', { assigneeId }).getMany()
    : await active.andWhere('staff.role IN (:...roles)', { roles: [StaffRole.PHARMACIST, StaffRole.ADMIN] }).getMany();
  const pharmacists = people.filter((staff) => staff.role === StaffRole.PHARMACIST);
  if (!assigneeId && pharmacists.length > 0) people = pharmacists;
  const optedOut = await scope.staffNotificationPreferences('preference').andWhere('preference.digest = false').getMany();
  return people.filter((staff) => !optedOut.some((preference) => preference.staffId === staff.id));
}
