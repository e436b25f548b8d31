import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { OrganizationSettings } from '../../entities/organization-settings.js';
import { assertPermissions } from '../../gateway/auth/auth-checker.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { badUserInput, forbidden } from '../../gateway/errors/domain-error.js';
import { StaffSessionType } from '../auth/staff-session.type.js';
import { beginEnrolmentWithChallenge, completeSignIn, confirmEnrolmentWithChallenge, type ChallengeDeps } from './sign-in-challenge.service.js';
import { OrganizationSettingsType } from '../organization/organization.type.js';
import type { OpenedSession } from '../session/staff-session.service.js';
import { TwoFactorService, type TwoFactorEnrolment } from './two-factor.service.js';
import { TwoFactorConfirmationType, TwoFactorEnrolmentType } from './two-factor.types.js';

const challengeDeps = (context: RequestContext): ChallengeDeps => ({
  database: context.gateway.database,
  tokens: context.gateway.tokens,
  secrets: context.gateway.secrets,
  rateLimits: context.gateway.rateLimits,
  sessions: context.gateway.sessions,
});

/** The signed-in staff member's own two-factor sign-in. */
function service(context: RequestContext): TwoFactorService {
  assertPermissions(context.viewer, [Permission.MANAGE_OWN_ACCOUNT]);
  const viewer = context.viewer;
  if (viewer.kind !== 'staff') throw forbidden('Only staff sign in with two factors.');
  return new TwoFactorService(context.scope, viewer.staffId, { secrets: context.gateway.secrets, sessions: context.gateway.sessions, rateLimits: context.gateway.rateLimits, currentSessionId: viewer.sessionId });
}

/** A challenge is for someone not signed in yet; anyone signed in acts as themselves. */
const withChallenge = (context: RequestContext, challenge: string | undefined | null): challenge is string => context.viewer.kind === 'anonymous' && typeof challenge === 'string';

@Resolver()
export class TwoFactorResolver {
  @Mutation(() => TwoFactorEnrolmentType, {
    description:
      'Starts enrolling an authenticator app: scan the QR code, then confirm with a code. Signed in (staff), or during sign-in with an ENROL challenge. CONFLICT when two-factor sign-in is on already.',
  })
  beginTwoFactorEnrolment(@Arg('challenge', () => String, { nullable: true }) challenge: string | null, @Ctx() context: RequestContext): Promise<TwoFactorEnrolment> {
    if (withChallenge(context, challenge)) return beginEnrolmentWithChallenge(challenge, challengeDeps(context));
    return service(context).beginEnrolment();
  }

  @Mutation(() => TwoFactorConfirmationType, {
    description:
      'Turns two-factor sign-in on with a code from the enrolled app, and returns ten recovery codes (shown this once). Signed in, your other sessions end; with an ENROL challenge, this finishes the sign-in and the session comes with it. BAD_USER_INPUT (field code) for a wrong code.',
  })
  async confirmTwoFactorEnrolment(
    @Arg('code') code: string,
    @Arg('challenge', () => String, { nullable: true }) challenge: string | null,
    @Ctx() context: RequestContext,
  ): Promise<TwoFactorConfirmationType> {
    if (withChallenge(context, challenge)) {
      const { recoveryCodes, session } = await confirmEnrolmentWithChallenge({ challenge, code, client: { ip: context.clientIp, userAgent: context.userAgent } }, challengeDeps(context));
      return { recoveryCodes, session };
    }
    return { recoveryCodes: await service(context).confirmEnrolment(code), session: null };
  }

  @Mutation(() => Boolean, {
    description:
      'Turns two-factor sign-in off: needs your password and a code (or a recovery code). CONFLICT while your pharmacy requires it. BAD_USER_INPUT (field password or code) when one is wrong; rate-limited.',
  })
  disableTwoFactor(@Arg('password') password: string, @Arg('code') code: string, @Ctx() context: RequestContext): Promise<boolean> {
    return service(context).disable(password, code);
  }

  @Mutation(() => StaffSessionType, {
    description:
      'The second step of a sign-in (a CODE challenge): a code from the authenticator app, or one of the recovery codes. Opens the session; a challenge works once and for 10 minutes (UNAUTHENTICATED after). BAD_USER_INPUT (field code or recoveryCode) for a wrong code; rate-limited per staff member.',
  })
  completeSignIn(
    @Arg('challenge') challenge: string,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Arg('recoveryCode', () => String, { nullable: true }) recoveryCode: string | null,
    @Ctx() context: RequestContext,
  ): Promise<OpenedSession> {
    if (!code === !recoveryCode) throw badUserInput(code ? 'recoveryCode' : 'code', 'Give either the code from your authenticator app or a recovery code.');
    const factor = code ? { code } : { recoveryCode: recoveryCode! };
    return completeSignIn({ challenge, factor, client: { ip: context.clientIp, userAgent: context.userAgent } }, challengeDeps(context));
  }
}

@Resolver(() => OrganizationSettingsType)
export class TwoFactorSettingsFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'Every staff member signs in with a second factor (those without one enrol at their next sign-in).' })
  requireTwoFactor(@Root() settings: OrganizationSettings): boolean {
    return settings.requireTwoFactor ?? false;
  }
}
