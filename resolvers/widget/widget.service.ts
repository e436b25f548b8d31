import { CHAT_NOT_AVAILABLE } from '../../gateway/auth/authenticate.js';
import { Customer } from '../../entities/customer.entity.js';
import type { Organization } from '../../entities/organization.entity.js';
import { organizationSettingsOf, widgetThreadPolicyOf, type BusinessHoursRange, type OrganizationSettings, type WidgetThreadPolicy } from '../../entities/organization-settings.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { Viewer } from '../../gateway/auth/viewer.js';
import { badUserInput, forbidden, notFound, unauthenticated } from '../../gateway/errors/domain-error.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
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
  database: TenantDatabase;
  tokens: TokenIssuer;
  publicUrl: string;
  sessionsPerIp: RateLimit;
}

/**
 * What the widget does before a customer is signed in. There is no viewer yet, so
 * there is no TenantScope either: everything here runs as the organization the slug
 * names (see asPharmacy), and a customer is only ever created or updated inside it.
 */
export class WidgetService {
  constructor(private readonly deps: WidgetDependencies) {}

  /** `locale`: the store page's language (BCP 47); the reply-time text follows it where the pharmacy wrote one. */
  config(organizationSlug: string, locale: string | null = null, now = new Date()): Promise<WidgetConfig> {
    return this.asPharmacy(organizationSlug, async (pharmacy) => {
      const organization = await organizationBySlug(pharmacy, organizationSlug);
      // Rows created without settings hold `{}`: the defaults fill in what is missing.
      const settings = organizationSettingsOf(organization.settings);
      return {
        name: organization.name,
        slug: organization.slug,
        primaryColor: settings.primaryColor,
        replyTimeText: replyTimeTextFor(settings, locale),
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
    return this.asPharmacy(input.organizationSlug, async (pharmacy) => {
      const name = input.name.trim();
      if (!name) throw badUserInput('name', 'A name needs 1 to 200 characters.');
      if (!input.consentToContact) throw badUserInput('consentToContact', 'Please agree to be contacted so the pharmacy can answer you.');
      const phone = input.phone?.trim() ? assertE164(input.phone.trim()) : null;
      const email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
      if (!phone && !email) throw badUserInput('phone', 'Enter a phone number or an email address so the pharmacy can reach you.');
      const organization = await organizationBySlug(pharmacy, input.organizationSlug);
      await this.deps.sessionsPerIp.consume(`${clientIp ?? 'unknown'}`);

      const earlier =
        current.kind === 'customer' && current.organizationId === organization.id
          ? await pharmacy.customers('customer').andWhere('customer.id = :id', { id: current.customerId }).getOne()
          : null;
      const consentAt = new Date();
      // The consent given in the form covers notifications at the address typed there (issue 18); an opt-out stays.
      const details = { name, phone, email, contactConsentAt: consentAt, emailConsentAt: email ? consentAt : null, smsConsentAt: phone ? consentAt : null };
      let customer: Customer;
      if (earlier && earlier.externalId === null) {
        await pharmacy.update(Customer, { id: earlier.id }, details);
        customer = Object.assign(earlier, details);
      } else {
        customer = await pharmacy.insert(Customer, { externalId: null, ...details });
      }
      return this.chatTokenFor(organization, customer);
    });
  }

  /**
   * A store customer the store's backend vouches for. Forged, expired, future-dated and
   * replayed signatures are all UNAUTHENTICATED; only then is the customer with that
   * `externalId` created or updated with the signed details.
   */
  identify(identity: SignedIdentity, signature: string, now = new Date()): Promise<ChatToken> {
    return this.asPharmacy(identity.organizationSlug, async (pharmacy) => {
      const organization = await organizationBySlug(pharmacy, identity.organizationSlug, { withWidgetSecret: true });
      if (!isValidIdentitySignature(identity, signature, organization.widgetSecret!)) {
        throw unauthenticated('The identity signature is not valid.');
      }
      const age = identityAge(identity.issuedAt, now);
      if (age === 'expired') throw unauthenticated(`The identity signature has expired (older than ${IDENTITY_MAX_AGE_SECONDS / 60} minutes); sign a fresh one.`);
      if (age === 'future') throw unauthenticated('The identity signature is dated in the future; check the store server clock.');
      const phone = identity.phone ? assertE164(identity.phone) : null;

      const customer = await pharmacy.transaction(async (tx) => {
        await useNonce(tx, identity, now);
        const details = { name: identity.name.trim() || identity.name, email: identity.email?.toLowerCase() ?? null, phone };
        return upsertByExternalId(tx, identity.externalId, details);
      });
      return this.chatTokenFor(organization, customer);
    });
  }

  /**
   * Runs `work` as the pharmacy the slug names (row-level security shows nothing else);
   * NOT_FOUND for a slug no pharmacy has.
   */
  private async asPharmacy<T>(slug: string, work: (pharmacy: OrganizationScope) => Promise<T>): Promise<T> {
    const organizationId = await this.deps.database.lookups.tenantOfSlug(slug);
    if (!organizationId) throw notFound('Organization');
    return this.deps.database.asTenant({ organizationId }, work);
  }

  private async chatTokenFor(organization: Organization, customer: Customer): Promise<ChatToken> {
    if (customer.blockedAt) throw forbidden(CHAT_NOT_AVAILABLE);
    const { token, expiresAt } = await this.deps.tokens.issueChatToken({ organizationId: organization.id, customerId: customer.id });
    return { token, expiresAt, chatLink: chatLinkFor(this.deps.publicUrl, organization.slug, token) };
  }
}

/** Records the nonce; a second use inside its validity window is a replay. */
async function useNonce(tx: OrganizationScope, identity: SignedIdentity, now: Date): Promise<void> {
  // After this moment the signature is expired anyway, so the nonce need not be kept.
  const expiresAt = new Date((identity.issuedAt + IDENTITY_MAX_AGE_SECONDS + IDENTITY_MAX_SKEW_SECONDS) * 1000);
  await tx.execute(`DELETE FROM widget_identity_nonce WHERE organization_id = $1 AND expires_at < $2`, [now]);
  const inserted = await tx.query(
    `INSERT INTO widget_identity_nonce (organization_id, nonce, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING nonce`,
    [identity.nonce, expiresAt],
  );
  if (inserted.length === 0) throw unauthenticated('This identity signature was already used; sign a fresh one for every page view.');
}

async function organizationBySlug(pharmacy: OrganizationScope, slug: string, options: { withWidgetSecret?: boolean } = {}): Promise<Organization> {
  const query = pharmacy.organizations('organization').andWhere('organization.slug = :slug', { slug });
  if (options.withWidgetSecret) query.addSelect('organization.widgetSecret');
  const organization = await query.getOne();
  if (!organization) throw notFound('Organization');
  return organization;
}

/** The customer with the store's id, updated with the signed details, or created; two identifies at once make one. */
async function upsertByExternalId(
  tx: OrganizationScope,
  externalId: string,
  details: Pick<Customer, 'name' | 'email' | 'phone'>,
): Promise<Customer> {
  const existing = () => tx.customers('customer').andWhere('customer.externalId = :externalId', { externalId }).getOne();
  const found = await existing();
  // ON CONFLICT DO NOTHING: losing the race to a parallel identify leaves the transaction usable.
  const created = found ? null : await tx.insertIfAbsent(Customer, { externalId, ...details });
  if (created) return created;
  const customer = found ?? (await existing());
  if (!customer) throw new Error('A customer with this external id was neither found nor created.');
  await tx.update(Customer, { id: customer.id }, details);
  return Object.assign(customer, details);
}

/** The pharmacy's reply-time text in the page's language: Dutch when it has one, else the default. */
export function replyTimeTextFor(settings: Pick<OrganizationSettings, 'replyTimeText' | 'replyTimeTextNl'>, locale: string | null): string | null {
  const language = (locale ?? '').toLowerCase().split('-')[0];
  return (language === 'nl' && settings.replyTimeTextNl) || settings.replyTimeText;
}
