import { Customer } from '../../entities/customer.entity.js';
import { NotificationChannel } from '../../entities/notification-log-entry.entity.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import type { CustomerChannel } from './customer-contact.js';

/** The one-click unsubscribe endpoint (RFC 8058): GET shows a button, POST unsubscribes. */
export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

interface UnsubscribeClaim {
  v: 1;
  o: string;
  c: string;
  ch: CustomerChannel;
}

/** The unsubscribe link of a customer's notifications on a channel: sealed, so it names nobody to whoever reads it, and can't be forged. */
export function unsubscribeUrlFor(secrets: SecretBox, publicUrl: string, target: { organizationId: string; customerId: string; channel: CustomerChannel }): string {
  const claim: UnsubscribeClaim = { v: 1, o: target.organizationId, c: target.customerId, ch: target.channel };
  const url = new URL(UNSUBSCRIBE_PATH, publicUrl);
  url.searchParams.set('t', secrets.seal(JSON.stringify(claim)));
  return url.toString();
}

/**
 * Records the opt-out an unsubscribe link names (again is fine: the first time stays).
 * False for a token that isn't ours or whose customer is gone.
 */
export async function unsubscribeByToken(database: TenantDatabase, secrets: SecretBox, token: string): Promise<boolean> {
  let claim: UnsubscribeClaim;
  try {
    claim = JSON.parse(secrets.open(token)) as UnsubscribeClaim;
  } catch {
    return false;
  }
  if (claim.v !== 1 || (claim.ch !== NotificationChannel.EMAIL && claim.ch !== NotificationChannel.SMS)) return false;
  return database.asTenant({ organizationId: claim.o }, async (pharmacy) => {
    const customer = await pharmacy.customers('customer').andWhere('customer.id = :id', { id: claim.c }).getOne();
    if (!customer) return false;
    const column = claim.ch === NotificationChannel.EMAIL ? 'emailOptedOutAt' : 'smsOptedOutAt';
    if (!customer[column]) await pharmacy.update(Customer, { id: customer.id }, { [column]: new Date() });
    return true;
  });
}

/** Twilio's standard opt-out and opt-in keywords (Advanced Opt-Out defaults). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START_WORDS = new Set(['START', 'YES', 'UNSTOP']);

export type SmsKeyword = 'stop' | 'start' | undefined;

/** What an inbound text asks, by its first word. */
export function smsKeywordOf(body: string): SmsKeyword {
  const word = body.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  return STOP_WORDS.has(word) ? 'stop' : START_WORDS.has(word) ? 'start' : undefined;
}

/**
 * "STOP" from a phone number: every pharmacy's customers with that number are opted out of
 * SMS, since all texts come from one sender. "START" opts them back in. How many customers changed.
 */
export async function applySmsKeyword(database: TenantDatabase, phone: string, keyword: Exclude<SmsKeyword, undefined>): Promise<number> {
  let changed = 0;
  for (const organizationId of await database.lookups.tenantsOfCustomerPhone(phone)) {
    changed += await database.asTenant({ organizationId }, (pharmacy) =>
      keyword === 'stop'
        ? pharmacy.execute(`UPDATE customer SET sms_opted_out_at = now() WHERE organization_id = $1 AND phone = $2 AND sms_opted_out_at IS NULL`, [phone])
        : pharmacy.execute(`UPDATE customer SET sms_opted_out_at = NULL, sms_consent_at = coalesce(sms_consent_at, now()) WHERE organization_id = $1 AND phone = $2 AND sms_opted_out_at IS NOT NULL`, [phone]),
    );
  }
  return changed;
}
