import {
  defaultStaffNotificationPreference,
  type NotifiedConversations,
  type StaffNotificationPreference,
} from '../../entities/staff-notification-preference.entity.js';
import { StaffPushSubscription } from '../../entities/staff-push-subscription.entity.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

export interface PreferenceChanges {
  browser?: boolean | null;
  sound?: boolean | null;
  push?: boolean | null;
  digest?: boolean | null;
  conversations?: NotifiedConversations | null;
}

export interface NewPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A browser or two per person is usual; past this many, the oldest subscription goes. */
const SUBSCRIPTIONS_PER_STAFF = 10;

/**
 * One staff member's notification preferences and Web Push subscriptions: only their own
 * (the staff id comes from the viewer, never from an argument).
 */
export class StaffNotificationService {
  constructor(
    private readonly scope: OrganizationScope,
    private readonly staffId: string,
    /** Refuse push services that are not https (production: a subscription is whatever the caller sends). */
    private readonly httpsOnly: boolean,
  ) {}

  async preferences(): Promise<StaffNotificationPreference> {
    const stored = await this.scope.staffNotificationPreferences('preference').andWhere('preference.staffId = :staffId', { staffId: this.staffId }).getOne();
    return stored ?? defaultStaffNotificationPreference(this.staffId, this.scope.organizationId);
  }

  async updatePreferences(changes: PreferenceChanges): Promise<StaffNotificationPreference> {
    return this.scope.transaction(async (tx) => {
      const service = new StaffNotificationService(tx, this.staffId, this.httpsOnly);
      const current = await service.preferences();
      const next = { ...current };
      for (const key of ['browser', 'sound', 'push', 'digest', 'conversations'] as const) {
        const value = changes[key];
        if (value !== undefined && value !== null) (next as Record<string, unknown>)[key] = value;
      }
      await tx.execute(
        `INSERT INTO staff_notification_preference (organization_id, staff_id, browser, sound, push, digest, conversations, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (staff_id) DO UPDATE SET browser = EXCLUDED.browser, sound = EXCLUDED.sound, push = EXCLUDED.push,
           digest = EXCLUDED.digest, conversations = EXCLUDED.conversations, updated_at = now()
         WHERE staff_notification_preference.organization_id = $1`,
        [this.staffId, next.browser, next.sound, next.push, next.digest, next.conversations],
      );
      return service.preferences();
    });
  }

  subscriptions(): Promise<StaffPushSubscription[]> {
    return this.mySubscriptions().orderBy('subscription.createdAt', 'DESC').getMany();
  }

  /**
   * Registers a browser for Web Push and turns push on. The same endpoint registered again
   * (new keys, or another staff member signed in on that browser) replaces the old row.
   */
  async registerSubscription(input: NewPushSubscription): Promise<StaffPushSubscription> {
    const subscription = this.validSubscription(input);
    return this.scope.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO push_subscription (organization_id, staff_id, endpoint, p256dh, auth)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id, endpoint) DO UPDATE SET staff_id = EXCLUDED.staff_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, created_at = now()
         RETURNING id`,
        [this.staffId, subscription.endpoint, subscription.p256dh, subscription.auth],
      );
      await tx.execute(
        `DELETE FROM push_subscription WHERE organization_id = $1 AND staff_id = $2 AND id NOT IN (
           SELECT id FROM push_subscription WHERE organization_id = $1 AND staff_id = $2 ORDER BY created_at DESC LIMIT ${SUBSCRIPTIONS_PER_STAFF})`,
        [this.staffId],
      );
      await new StaffNotificationService(tx, this.staffId, this.httpsOnly).updatePreferences({ push: true });
      return tx.staffPushSubscriptions('subscription').andWhere('subscription.id = :id', { id: row!.id }).getOneOrFail();
    });
  }

  /** Forgets this browser (by its endpoint); false when it was not registered to the viewer. */
  async removeSubscription(endpoint: string): Promise<boolean> {
    const removed = await this.scope.delete(StaffPushSubscription, { endpoint, staffId: this.staffId });
    return removed > 0;
  }

  private mySubscriptions() {
    return this.scope.staffPushSubscriptions('subscription').andWhere('subscription.staffId = :staffId', { staffId: this.staffId });
  }

  private validSubscription(input: NewPushSubscription): NewPushSubscription {
    let url: URL;
    try {
      url = new URL(input.endpoint);
    } catch {
      throw badUserInput('input.endpoint', 'The endpoint is not a URL.');
    }
    const schemes = this.httpsOnly ? ['https:'] : ['https:', 'http:'];
    if (!schemes.includes(url.protocol) || url.username || url.password) throw badUserInput('input.endpoint', 'The endpoint must be an https URL of a push service.');
    const key = decodeBase64Url(input.p256dh);
    if (!key || key.length !== 65 || key[0] !== 0x04) throw badUserInput('input.p256dh', 'p256dh must be an uncompressed P-256 public key (65 bytes, base64url).');
    const secret = decodeBase64Url(input.auth);
    if (!secret || secret.length !== 16) throw badUserInput('input.auth', 'auth must be 16 bytes, base64url.');
    return { endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth };
  }
}

function decodeBase64Url(value: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  return Buffer.from(value, 'base64url');
}
