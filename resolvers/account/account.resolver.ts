import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { forbidden } from '../../gateway/errors/domain-error.js';
import { SignInResultType, signInResultOf } from '../auth/sign-in-result.type.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import { AccountService } from './account.service.js';
import { requestPasswordReset, resetPassword } from './password-reset.service.js';

function service(context: RequestContext): AccountService {
  const viewer = context.signedInViewer;
  if (viewer.kind !== 'staff' || !viewer.sessionId) throw forbidden('Only staff have an account here.');
  return new AccountService(context.scope, { staffId: viewer.staffId, sessionId: viewer.sessionId }, { sessions: context.gateway.sessions, rateLimits: context.gateway.rateLimits });
}

@Resolver()
export class AccountResolver {
  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => StaffMemberType, { description: 'Your name as colleagues and customers see it.' })
  updateMyProfile(@Arg('name') name: string, @Ctx() context: RequestContext): Promise<StaffUser> {
    return service(context).updateProfile(name);
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => Boolean, {
    description:
      'Changes your password: the current one is needed (BAD_USER_INPUT, field currentPassword, when wrong; rate-limited), the new one needs 12+ characters and may not be a common one (field newPassword). Your other sessions end.',
  })
  changeMyPassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() context: RequestContext): Promise<boolean> {
    return service(context).changePassword({ currentPassword, newPassword });
  }

  @Mutation(() => Boolean, {
    description:
      'Sends a password reset link (valid 30 minutes) to a staff address. Always true, in the same time, whether or not the address has an account; rate-limited per client IP.',
  })
  requestPasswordReset(@Arg('email') email: string, @Ctx() context: RequestContext): Promise<boolean> {
    return requestPasswordReset(email, { database: context.gateway.database, rateLimits: context.gateway.rateLimits }, context.clientIp);
  }

  @Mutation(() => SignInResultType, {
    description:
      'Sets a new password with the token from a reset link (the `#token=` part; once, within 30 minutes), ends every session of the account, and signs in (with a challenge first when two-factor sign-in applies). UNAUTHENTICATED for a link that is unknown, used or expired; BAD_USER_INPUT (field password) for a weak password.',
  })
  async resetPassword(@Arg('token') token: string, @Arg('password') password: string, @Ctx() context: RequestContext): Promise<SignInResultType> {
    return signInResultOf(await resetPassword(
      { token, password, client: { ip: context.clientIp, userAgent: context.userAgent } },
      { database: context.gateway.database, tokens: context.gateway.tokens, rateLimits: context.gateway.rateLimits, sessions: context.gateway.sessions },
    ));
  }
}
