import { ApiKey } from '../../entities/api-key.entity.js';
import { forbidden, unauthenticated } from '../errors/domain-error.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import { hashApiKeySecret, looksLikeApiKey } from './api-key-secret.js';
import type { TokenIssuer } from './token-issuer.js';
import type { StaffSessions } from './staff-sessions.js';
import { anonymousViewer, type CustomerViewer, type Viewer } from './viewer.js';

/** What a blocked customer is told, in words that don't say they were blocked. */
export const CHAT_NOT_AVAILABLE = 'This chat is not available.';

/** last_used_at is informational; writing it on every request would cost a write per read. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns the credential of a request or socket (`Authorization: Bearer …` or the
 * graphql-ws `connection_init` payload) into a viewer. No credential is an anonymous
 * viewer; a bad one is UNAUTHENTICATED, never silently anonymous.
 */
export async function authenticate(
  authorization: string | undefined,
  deps: { tokens: TokenIssuer; database: TenantDatabase; sessions: StaffSessions },
): Promise<Viewer> {
  if (!authorization) return anonymousViewer;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('Send credentials as "Authorization: Bearer <token>".');
  const token = match[1]!;
  if (looksLikeApiKey(token)) return authenticateApiKey(token, deps.database);
  const viewer = await deps.tokens.verify(token);
  if (viewer.kind === 'customer') await assertChatTokenNotRevoked(viewer, deps.database);
  // An ended session (signed out, deactivated, role changed, password reset…): no database round trip.
  if (viewer.kind === 'staff') deps.sessions.check(viewer);
  return viewer;
}

async function authenticateApiKey(secret: string, database: TenantDatabase): Promise<Viewer> {
  const secretHash = hashApiKeySecret(secret);
  const organizationId = await database.lookups.tenantOfApiKey(secretHash);
  if (!organizationId) throw unauthenticated('The API key is not valid.');
  return database.asTenant({ organizationId }, async (tenant) => {
    const key = await tenant.apiKeys('apiKey').andWhere('apiKey.secretHash = :secretHash', { secretHash }).getOne();
    const now = Date.now();
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now)) {
      throw unauthenticated('The API key is not valid.');
    }
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await tenant.update(ApiKey, { id: key.id }, { lastUsedAt: new Date(now) });
    }
    return { kind: 'partner', organizationId: key.organizationId, apiKeyId: key.id, scopes: key.scopes, expiresAt: key.expiresAt ?? undefined };
  });
}

/** Chat tokens are stateless; erasure revokes a customer's tokens by time (iat has whole seconds). */
async function assertChatTokenNotRevoked(viewer: CustomerViewer, database: TenantDatabase): Promise<void> {
  const customer = await database.asTenant({ organizationId: viewer.organizationId, customerId: viewer.customerId }, (tenant) =>
    tenant.customers('customer').select(['customer.id', 'customer.chatTokensRevokedAt', 'customer.blockedAt']).getOne(),
  );
  // Blocked by the pharmacy: any token, old or new, until unblocked. Neutral words: the widget shows them.
  if (customer?.blockedAt) throw forbidden(CHAT_NOT_AVAILABLE);
  const revokedAt = customer?.chatTokensRevokedAt;
  if (!customer || (revokedAt && viewer.issuedAt.getTime() <= revokedAt.getTime())) {
    throw unauthenticated('This chat has ended. Start a new one.');
  }
}
