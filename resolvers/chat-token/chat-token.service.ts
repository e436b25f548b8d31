import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { CustomerService } from '../customer/customer.service.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

export interface ChatToken {
  token: string;
  expiresAt: Date;
  /** Opens the widget signed in as the customer: `<public url>/widget/?org=<slug>&counterchat_token=<token>`. */
  chatLink: string;
}

/** A chat token for a customer of the viewer's pharmacy, and the link that carries it. */
export async function issueChatToken(
  scope: TenantScope,
  customerId: string,
  deps: { tokens: TokenIssuer; publicUrl: string },
): Promise<ChatToken> {
  const customer = await new CustomerService(scope).get(customerId, 'customerId');
  const [{ token, expiresAt }, organization] = await Promise.all([
    deps.tokens.issueChatToken({ organizationId: customer.organizationId, customerId: customer.id }),
    scope.organization(),
  ]);
  await scope.audit(AuditAction.CHAT_TOKEN_ISSUED, { type: 'Customer', id: customer.id }, { expiresAt: expiresAt.toISOString() });
  return { token, expiresAt, chatLink: chatLinkFor(deps.publicUrl, organization.slug, token) };
}

/**
 * The chat app on its own page, signed in: it keeps the token in its own origin's
 * storage and drops it from the address bar. The widget on the store reads the same
 * `counterchat_token` parameter when a store page is opened with it.
 */
export function chatLinkFor(publicUrl: string, organizationSlug: string, token: string): string {
  const chatLink = new URL('/widget/', publicUrl);
  chatLink.searchParams.set('org', organizationSlug);
  chatLink.searchParams.set('counterchat_token', token);
  return chatLink.toString();
}
