import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Organization } from '../../entities/organization.entity.js';
import { organizationSettingsOf, type OrganizationSettings } from '../../entities/organization-settings.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { UpdateOrganizationSettingsInput } from './organization-settings.inputs.js';
import { updateOrganizationSettings } from './organization-settings.service.js';
import { OrganizationSettingsType, OrganizationType } from './organization.type.js';

@Resolver(() => OrganizationType)
export class OrganizationSettingsResolver {
  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => OrganizationType, { description: "Changes the pharmacy's preferences (admins). Only the given fields change." })
  updateOrganizationSettings(@Arg('input') input: UpdateOrganizationSettingsInput, @Ctx() context: RequestContext): Promise<Organization> {
    return updateOrganizationSettings(context.scope, input);
  }

  /** Rows made before a setting existed (the column's default is `{}`) read as the defaults, never as null. */
  @FieldResolver(() => OrganizationSettingsType)
  settings(@Root() organization: Organization): OrganizationSettings {
    return organizationSettingsOf(organization.settings);
  }
}
