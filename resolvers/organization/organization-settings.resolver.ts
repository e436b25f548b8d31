import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Organization } from '../../entities/organization.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { UpdateOrganizationSettingsInput } from './organization-settings.inputs.js';
import { updateOrganizationSettings } from './organization-settings.service.js';
import { OrganizationType } from './organization.type.js';

@Resolver(() => OrganizationType)
export class OrganizationSettingsResolver {
  @Authorized(Permission.MANAGE_SETTINGS)
  @Mutation(() => OrganizationType, { description: "Changes the pharmacy's preferences (admins). Only the given fields change." })
  updateOrganizationSettings(@Arg('input') input: UpdateOrganizationSettingsInput, @Ctx() context: RequestContext): Promise<Organization> {
    return updateOrganizationSettings(context.scope, input);
  }
}
