import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import type { SignInOutcome } from './sign-in-completion.js';

export enum SignInChallengeKind {
  CODE = 'CODE',
  ENROL = 'ENROL',
}
registerEnumType(SignInChallengeKind, {
  name: 'SignInChallengeKind',
  description: 'What a sign-in still needs.',
  valuesConfig: {
    CODE: { description: 'A code from the authenticator app, or a recovery code: completeSignIn.' },
    ENROL: { description: 'The pharmacy requires two-factor sign-in: enrol first (beginTwoFactorEnrolment and confirmTwoFactorEnrolment with the challenge).' },
  },
});

@ObjectType('SignInChallenge', { description: 'The second step of a sign-in: a short-lived token that grants nothing but that step.' })
export class SignInChallengeType {
  @Field({ description: 'Send it to completeSignIn (or the enrolment mutations); it is not a session.' })
  token: string;

  @Field(() => SignInChallengeKind)
  kind: SignInChallengeKind;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType('SignInResult', { description: 'A signed-in staff member with their token, or the second step their sign-in still needs.' })
export class SignInResultType {
  @Field(() => String, { nullable: true, description: 'Send as "Authorization: Bearer <token>". Null while a challenge is open.' })
  token: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => StaffMemberType)
  staff: StaffUser;

  @Field(() => SignInChallengeType, { nullable: true, description: 'Set when a second step is needed; then there is no token yet.' })
  challenge: SignInChallengeType | null;
}

export function signInResultOf(outcome: SignInOutcome): SignInResultType {
  return {
    token: outcome.session?.token ?? null,
    expiresAt: outcome.session?.expiresAt ?? null,
    staff: outcome.staff,
    challenge: outcome.challenge ? { token: outcome.challenge.token, kind: outcome.challenge.kind as SignInChallengeKind, expiresAt: outcome.challenge.expiresAt } : null,
  };
}
