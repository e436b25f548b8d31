
import { generateSingleUseToken, hashSingleUseToken, looksLikeSingleUseToken } from '../../gateway/auth/single-use-token.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { chatLinkFor } from '../chat-token/chat-token.service.js';

/** How long a notification's chat link works: long enough to read the mail that evening, short enough to be worth little later. */
export const NOTIFICATION_LINK_HOURS = 24;

/** Where the link in a notification points: a page that exchanges it (once) for a signed-in chat. */
export const NOTIFICATION_OPEN_PATH = '/notifications/open';

/** The link is unknown, used, expired, or its customer was erased: the page says so, whichever it is. */
export class NotificationLinkUnusable extends Error {}

/**
 * A single-use chat link for the customer, in the scope's transaction: only the token's hash
 * is stored, and it expires after NOTIFICATION_LINK_HOURS (by the database's clock).
 */
export async function createNotificationLink(scope: OrganizationScope, target: { customerId: string; conversationId: string | null }, publicUrl: string): Promise<string> {
  const { token, hash } = generateSingleUseToken();
  await scope.execute(
    `INSERT INTO notification_link (organization_id, customer_id, conversation_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
    [target.customerId, target.conversationId, hash, NOTIFICATION_LINK_HOURS],
  );
  const link = new URL(NOTIFICATION_OPEN_PATH, publicUrl);
  link.searchParams.set('t', token);
  return link.toString();
}

/**
 * Uses a notification link: marks it used (one statement, so two clicks at once can't both
 * win), then issues a chat token and answers the widget's stand-alone page signed in with it
 * (`chatLinkFor`). Throws NotificationLinkUnusable otherwise.
 */
export async function exchangeNotificationLink(token: string, deps: { database: TenantDatabase; tokens: TokenIssuer; publicUrl: string }): Promise<string> {
  if (!looksLikeSingleUseToken(token)) throw new NotificationLinkUnusable();
  const hash = hashSingleUseToken(token);
  const organizationId = await deps.database.lookups.tenantOfNotificationLink(hash);
  if (!organizationId) throw new NotificationLinkUnusable();
  return deps.database.asTenant({ organizationId }, (pharmacy) =>
    pharmacy.transaction(async (tx) => {
      const [used] = await tx.query<{ customer_id: string; created_at: Date }>(
        `UPDATE notification_link SET used_at = now()
          WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING customer_id, created_at`,
        [hash],
      );
      if (!used) throw new NotificationLinkUnusable();
      const customer = await tx.customers('customer').addSelect('customer.chatTokensRevokedAt').andWhere('customer.id = :id', { id: used.customer_id }).getOne();
      // An erased customer's links die with their tokens.
      if (!customer || (customer.chatTokensRevokedAt && customer.chatTokensRevokedAt >= used.created_at)) throw new NotificationLinkUnusable();
      const organization = await tx.organization();
      const { token: chatToken } = await deps.tokens.issueChatToken({ organizationId, customerId: customer.id });
      return chatLinkFor(deps.publicUrl, organization.slug, chatToken);
    }),
  );
}

