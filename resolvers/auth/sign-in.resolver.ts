import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { signInStaff } from './sign-in.service.js';
import { SignInResultType, signInResultOf } from './sign-in-result.type.js';

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInResultType, {
    description: 'Staff sign-in with email and password. Rate-limited per client IP; after repeated failures for an email address from one IP, each attempt from there waits longer (RATE_LIMITED with retryAfter). Other IPs are not held up. With two-factor sign-in (the account’s, or required by the pharmacy) the answer is a challenge instead of a token: finish with completeSignIn, or enrol with beginTwoFactorEnrolment and confirmTwoFactorEnrolment.',
  })
  async signIn(@Arg('email') email: string, @Arg('password') password: string, @Ctx() context: RequestContext): Promise<SignInResultType> {
    return signInResultOf(await signInStaff(email, password, context.gateway, { ip: context.clientIp, userAgent: context.userAgent }));
  }
}
