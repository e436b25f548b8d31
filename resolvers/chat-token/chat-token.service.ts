import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { CustomerService } from '../customer/customer.service.js';

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
  const chatLink = new URL('/widget/', deps.publicUrl);
  chatLink.searchParams.set('org', organization.slug);
  chatLink.searchParams.set('counterchat_token', token);
  return { token, expiresAt, chatLink: chatLink.toString() };
}
