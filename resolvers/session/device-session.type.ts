import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('DeviceSession', { description: 'A browser or device signed in to your account (one sign-in).' })
export class DeviceSessionType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The browser it signed in from, as it named itself (User-Agent).' })
  userAgent: string | null;

  @Field(() => String, { nullable: true, description: 'The address it signed in from.' })
  ip: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'Updated at most once a minute while it is used.' })
  lastSeenAt: Date;

  @Field(() => Date, { description: 'When its token expires (12 hours after sign-in).' })
  expiresAt: Date;

  @Field({ description: 'The session this request was made with.' })
  current: boolean;
}
