import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { signInStaff, type StaffSession } from './sign-in.service.js';
import { StaffSessionType } from './staff-session.type.js';

@Resolver()
export class SignInResolver {
  @Mutation(() => StaffSessionType, {
    description: 'Staff sign-in with email and password. Rate-limited per client IP; after repeated failures for an email address from one IP, each attempt from there waits longer (RATE_LIMITED with retryAfter). Other IPs are not held up.',
  })
  signIn(@Arg('email') email: string, @Arg('password') password: string, @Ctx() context: RequestContext): Promise<StaffSession> {
    return signInStaff(email, password, context.gateway, { ip: context.clientIp, userAgent: context.userAgent });
  }
}
