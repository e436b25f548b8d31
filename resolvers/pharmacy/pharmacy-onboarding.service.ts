import type { Organization } from '../../entities/organization.entity.js';
import type { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { normalizeEmail } from '../../gateway/auth/staff-email.js';
import { badUserInput, notFound } from '../../gateway/errors/domain-error.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { Operator, OrganizationSummary } from '../../gateway/tenancy/operator.js';
import { StaffInvitationService } from '../invitation/staff-invitation.service.js';

export interface CreatePharmacyCommand {
  name: string;
  slug: string;
  adminEmail: string;
  /** Default: the address's part before the @ (they can change it once signed in). */
  adminName?: string;
}

export interface InviteAdminCommand {
  slug: string;
  email: string;
  name?: string;
}

export interface Onboarded {
  organization: Organization;
  invitation: StaffInvitation;
}

/** What a slug may be: it is in the widget's snippet and the database checks the same. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Onboarding pharmacies, for the platform's operator (npm run admin): a new pharmacy and an
 * invitation for its first admin, created together or not at all, the invitation's mail queued
 * in the same transaction; another admin invited later; the list of pharmacies.
 */
export class PharmacyOnboardingService {
  constructor(
    private readonly operator: Operator,
    private readonly deps: { secrets: SecretBox; publicUrl: string },
  ) {}

  async createPharmacy(command: CreatePharmacyCommand): Promise<Onboarded> {
    const name = command.name.trim();
    const slug = command.slug.trim();
    if (!name || name.length > 100) throw badUserInput('name', 'Give the pharmacy a name of 1 to 100 characters.');
    if (!SLUG.test(slug)) throw badUserInput('slug', `"${slug}" is not a valid slug: use lower-case letters, digits and hyphens (e.g. apotheek-noord), starting with a letter or digit.`);
    const email = normalizeEmail(command.adminEmail, 'adminEmail');
    const { organization, result } = await this.operator.createOrganization({ name, slug }, async (scope) => {
      await scope.audit(AuditAction.PHARMACY_CREATED, { type: 'Organization', id: scope.organizationId }, { slug });
      return this.invitations(scope).invite({ email, name: command.adminName?.trim() || defaultName(email), role: StaffRole.ADMIN });
    });
    return { organization, invitation: result };
  }

  async inviteAdmin(command: InviteAdminCommand): Promise<Onboarded> {
    const email = normalizeEmail(command.email);
    const done = await this.operator.asOrganization(command.slug.trim(), async (scope, organization) => ({
      organization,
      invitation: await this.invitations(scope).invite({ email, name: command.name?.trim() || defaultName(email), role: StaffRole.ADMIN }),
    }));
    if (!done) throw notFound(`Pharmacy "${command.slug}"`);
    return done;
  }

  listPharmacies(): Promise<OrganizationSummary[]> {
    return this.operator.listOrganizations();
  }

  private invitations(scope: ConstructorParameters<typeof StaffInvitationService>[0]): StaffInvitationService {
    return new StaffInvitationService(scope, { ...this.deps, inviter: null });
  }
}

const defaultName = (email: string) => email.split('@')[0]!.slice(0, 100);

