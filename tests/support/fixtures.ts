import type { DataSource } from 'typeorm';
import { ApiKey, ApiKeyScope } from '../../entities/api-key.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { Organization } from '../../entities/organization.entity.js';
import { StaffRole, StaffUser } from '../../entities/staff-user.entity.js';
import { generateApiKeySecret } from '../../gateway/auth/api-key-secret.js';
import { hashPassword } from '../../gateway/auth/password.js';
import { staffTokenExpiry, type TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { StaffSession } from '../../entities/staff-session.entity.js';

export const FIXTURE_PASSWORD = 'correct horse battery staple';

/** One pharmacy with an admin, a pharmacist, two customers, and a credential for every kind of viewer. */
export interface PharmacyFixture {
  organization: Organization;
  admin: StaffUser;
  pharmacist: StaffUser;
  customers: [Customer, Customer];
  tokens: {
    admin: string;
    pharmacist: string;
    /** Chat token of customers[0]. */
    customer: string;
    otherCustomer: string;
    partnerRead: string;
    partnerWrite: string;
  };
}

const PARTNER_READ_SCOPES = [ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.CUSTOMERS_READ, ApiKeyScope.STAFF_READ];
const PARTNER_WRITE_SCOPES = [ApiKeyScope.MESSAGES_WRITE, ApiKeyScope.CONVERSATIONS_WRITE, ApiKeyScope.CUSTOMERS_WRITE];

let passwordHash: Promise<string> | undefined;

export async function createPharmacy(dataSource: DataSource, tokens: TokenIssuer, slug: string): Promise<PharmacyFixture> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const hash = await passwordHash;
  const manager = dataSource.manager;
  const organization = await manager.save(manager.create(Organization, { name: `Pharmacy ${slug}`, slug }));
  const [admin, pharmacist] = await manager.save([
    manager.create(StaffUser, { organizationId: organization.id, email: `admin@${slug}.test`, name: `Admin ${slug}`, role: StaffRole.ADMIN, passwordHash: hash }),
    manager.create(StaffUser, { organizationId: organization.id, email: `pharmacist@${slug}.test`, name: `Pharmacist ${slug}`, role: StaffRole.PHARMACIST, passwordHash: hash }),
  ]);
  const customers = (await manager.save([
    manager.create(Customer, { organizationId: organization.id, name: `Alice ${slug}`, phone: '+31612345678', email: null, externalId: null }),
    manager.create(Customer, { organizationId: organization.id, name: `Bob ${slug}`, phone: '+31687654321', email: null, externalId: null }),
  ])) as [Customer, Customer];
  const staffToken = (staff: StaffUser) => staffSessionToken(dataSource, tokens, staff);
  const chatToken = async (customer: Customer) =>
    (await tokens.issueChatToken({ organizationId: organization.id, customerId: customer.id })).token;
  const partnerKey = (scopes: ApiKeyScope[]) => apiKeyWith(dataSource, organization.id, scopes);
  return {
    organization,
    admin: admin!,
    pharmacist: pharmacist!,
    customers,
    tokens: {
      admin: await staffToken(admin!),
      pharmacist: await staffToken(pharmacist!),
      customer: await chatToken(customers[0]),
      otherCustomer: await chatToken(customers[1]),
      partnerRead: await partnerKey(PARTNER_READ_SCOPES),
      partnerWrite: await partnerKey([...PARTNER_READ_SCOPES, ...PARTNER_WRITE_SCOPES]),
    },
  };
}

/** A signed-in staff member, as a sign-in leaves them: a session row and the token that names it. */
export async function staffSessionToken(dataSource: DataSource, tokens: TokenIssuer, staff: Pick<StaffUser, 'id' | 'organizationId' | 'role'>): Promise<string> {
  const expiresAt = staffTokenExpiry();
  const session = dataSource.manager.create(StaffSession, { organizationId: staff.organizationId, staffId: staff.id, expiresAt, lastSeenAt: new Date(), userAgent: 'test fixture' });
  await dataSource.manager.insert(StaffSession, session);
  return (await tokens.issueStaffToken({ organizationId: staff.organizationId, staffId: staff.id, role: staff.role, sessionId: session.id }, expiresAt)).token;
}

let clientMessageCounter = 0;
/** A unique client message id for a send. */
export const nextClientMessageId = () => `test-${process.pid}-${++clientMessageCounter}`;

/** An API key of `organizationId` with exactly `scopes`; returns its secret. */
export async function apiKeyWith(dataSource: DataSource, organizationId: string, scopes: ApiKeyScope[]): Promise<string> {
  const secret = generateApiKeySecret();
  await dataSource.manager.insert(ApiKey, { organizationId, name: `Partner ${scopes.join('+')}`, prefix: secret.displayPrefix, secretHash: secret.hash, scopes });
  return secret.secret;
}
