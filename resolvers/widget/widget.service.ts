import type { DataSource, EntityManager } from 'typeorm';
import { Customer } from '../../entities/customer.entity.js';
import { Organization } from '../../entities/organization.entity.js';
import { defaultOrganizationSettings, widgetThreadPolicyOf, type BusinessHoursRange, type WidgetThreadPolicy } from '../../entities/organization-settings.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { Viewer } from '../../gateway/auth/viewer.js';
import { badUserInput, notFound, unauthenticated } from '../../gateway/errors/domain-error.js';
import { isUniqueViolation } from '../../gateway/database/database-error.js';
import { withTenant } from '../../gateway/tenancy/tenant-context.js';
import { tenantOfSlug } from '../../gateway/tenancy/tenant-lookups.js';
import type { RateLimit } from '../../gateway/rate-limits/rate-limits.js';
import { chatLinkFor, type ChatToken } from '../chat-token/chat-token.service.js';
import { assertE164 } from '../customer/phone-number.js';
import { isOpenAt } from './business-hours.js';
import {
  IDENTITY_MAX_AGE_SECONDS,
  IDENTITY_MAX_SKEW_SECONDS,
  identityAge,
  isValidIdentitySignature,
  type SignedIdentity,
} from './identity-signature.js';

/** What the widget shows before anyone signs in: the pharmacy's public settings. */
export interface WidgetConfig {
  name: string;
  slug: string;
  primaryColor: string;
  replyTimeText: string | null;
  timeZone: string;
  businessHours: BusinessHoursRange[];
  /** Within business hours right now; null when none are set. */
  openNow: boolean | null;
  threadPolicy: WidgetThreadPolicy;
  /** Seconds a signed identity stays valid after `issuedAt`. */
  identityMaxAgeSeconds: number;
}

export interface WidgetSessionRequest {
  organizationSlug: string;
  name: string;
  phone?: string;
  email?: string;
  consentToContact: boolean;
}

export interface WidgetDependencies {
  dataSource: DataSource;
  tokens: TokenIssuer;
  publicUrl: string;
  sessionsPerIp: RateLimit;
}

/**
 * What the widget does before a customer is signed in. There is no viewer yet, so
 * there is no TenantScope either: every query here runs as the organization the slug
 * names (see asPharmacy), and a customer is only ever created or updated inside it.
 */
export class WidgetService {
  constructor(private readonly deps: WidgetDependencies) {}

  config(organizationSlug: string, now = new Date()): Promise<WidgetConfig> {
    return this.asPharmacy(organizationSlug, async () => {
      const organization = await this.organizationBySlug(organizationSlug);
      // Rows created without settings hold `{}`: the defaults fill in what is missing.
      const settings = { ...defaultOrganizationSettings, ...organization.settings };
      return {
        name: organization.name,
        slug: organization.slug,
        primaryColor: settings.primaryColor,
        replyTimeText: settings.replyTimeText,
        timeZone: settings.timeZone,
        businessHours: settings.businessHours,
        openNow: isOpenAt(settings.businessHours, settings.timeZone, now),
        threadPolicy: widgetThreadPolicyOf(settings),
        identityMaxAgeSeconds: IDENTITY_MAX_AGE_SECONDS,
      };
    });
  }

  /**
   * The pre-chat form. Anonymous visitors always get a customer of their own: the phone
   * number or email they type is unverified, so matching it to an existing customer would
   * hand that customer's history to anyone who knows their number. The one link we make
   * is to the visitor's own earlier anonymous session (same browser, still holding its
   * token), which is updated instead of duplicated. Verified store customers come in
   * through `identify`; staff can issue a chat link for a known customer.
   */
  startSession(input: WidgetSessionRequest, current: Viewer, clientIp: string | undefined): Promise<ChatToken> {
    return this.asPharmacy(input.organizationSlug, async () => {
      const name = input.name.trim();
      if (!name) throw badUserInput('name', 'A name needs 1 to 200 characters.');
      if (!input.consentToContact) throw badUserInput('consentToContact', 'Please agree to be contacted so the pharmacy can answer you.');
      const phone = input.phone?.trim() ? assertE164(input.phone.trim()) : null;
      const email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
      if (!phone && !email) throw badUserInput('phone', 'Enter a phone number or an email address so the pharmacy can reach you.');
      const organization = await this.organizationBySlug(input.organizationSlug);
      await this.deps.sessionsPerIp.consume(`${clientIp ?? 'unknown'}`);

      const customers = this.deps.dataSource.getRepository(Customer);
      const earlier =
        current.kind === 'customer' && current.organizationId === organization.id
          ? await customers.findOneBy({ id: current.customerId, organizationId: organization.id })
          : null;
      const details = { name, phone, email, contactConsentAt: new Date() };
      const customer =
        earlier && earlier.externalId === null
          ? await customers.save(Object.assign(earlier, details))
          : await customers.save(customers.create({ organizationId: organization.id, externalId: null, ...details }));
      return this.chatTokenFor(organization, customer);
    });
  }

  /**
   * A store customer the store's backend vouches for. Forged, expired, future-dated and
   * replayed signatures are all UNAUTHENTICATED; only then is the customer with that
   * `externalId` created or updated with the signed details.
   */
  identify(identity: SignedIdentity, signature: string, now = new Date()): Promise<ChatToken> {
    return this.asPharmacy(identity.organizationSlug, async () => {
      const organization = await this.organizationBySlug(identity.organizationSlug, { withWidgetSecret: true });
      if (!isValidIdentitySignature(identity, signature, organization.widgetSecret!)) {
        throw unauthenticated('The identity signature is not valid.');
      }
      const age = identityAge(identity.issuedAt, now);
      if (age === 'expired') throw unauthenticated(`The identity signature has expired (older than ${IDENTITY_MAX_AGE_SECONDS / 60} minutes); sign a fresh one.`);
      if (age === 'future') throw unauthenticated('The identity signature is dated in the future; check the store server clock.');
      const phone = identity.phone ? assertE164(identity.phone) : null;

      const customer = await this.deps.dataSource.transaction(async (manager) => {
        await this.useNonce(manager, organization.id, identity, now);
        const details = { name: identity.name.trim() || identity.name, email: identity.email?.toLowerCase() ?? null, phone };
        return upsertByExternalId(manager, organization.id, identity.externalId, details);
      });
      return this.chatTokenFor(organization, customer);
    });
  }

  /** Records the nonce; a second use inside its validity window is a replay. */
  private async useNonce(manager: EntityManager, organizationId: string, identity: SignedIdentity, now: Date): Promise<void> {
    // After this moment the signature is expired anyway, so the nonce need not be kept.
    const expiresAt = new Date((identity.issuedAt + IDENTITY_MAX_AGE_SECONDS + IDENTITY_MAX_SKEW_SECONDS) * 1000);
    await manager.query(`DELETE FROM widget_identity_nonce WHERE expires_at < $1`, [now]);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO widget_identity_nonce (organization_id, nonce, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING nonce`,
      [organizationId, identity.nonce, expiresAt],
    );
    if (inserted.length === 0) throw unauthenticated('This identity signature was already used; sign a fresh one for every page view.');
  }

  /**
   * Runs `work` as the pharmacy the slug names (row-level security shows nothing else);
   * NOT_FOUND for a slug no pharmacy has.
   */
  private async asPharmacy<T>(slug: string, work: () => Promise<T>): Promise<T> {
    const organizationId = await tenantOfSlug(this.deps.dataSource, slug);
    if (!organizationId) throw notFound('Organization');
    return withTenant({ organizationId }, work);
  }

  private async organizationBySlug(slug: string, options: { withWidgetSecret?: boolean } = {}): Promise<Organization> {
    const query = this.deps.dataSource.getRepository(Organization).createQueryBuilder('organization').where('organization.slug = :slug', { slug });
    if (options.withWidgetSecret) query.addSelect('organization.widgetSecret');
    const organization = await query.getOne();
    if (!organization) throw notFound('Organization');
    return organization;
  }

  private async chatTokenFor(organization: Organization, customer: Customer): Promise<ChatToken> {
    const { token, expiresAt } = await this.deps.tokens.issueChatToken({ organizationId: organization.id, customerId: customer.id });
    return { token, expiresAt, chatLink: chatLinkFor(this.deps.publicUrl, organization.slug, token) };
  }
}

async function upsertByExternalId(
  manager: EntityManager,
  organizationId: string,
  externalId: string,
  details: Pick<Customer, 'name' | 'email' | 'phone'>,
): Promise<Customer> {
  const customers = manager.getRepository(Customer);
  const existing = await customers.findOneBy({ organizationId, externalId });
  if (existing) return customers.save(Object.assign(existing, details));
  try {
    // A savepoint, so losing the race to a parallel identify doesn't abort the transaction.
    return await manager.transaction((inner) => inner.getRepository(Customer).save(inner.getRepository(Customer).create({ organizationId, externalId, ...details })));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await customers.findOneByOrFail({ organizationId, externalId });
    return customers.save(Object.assign(winner, details));
  }
}
