import { Field, ObjectType } from 'type-graphql';
import { StaffSessionType } from '../auth/staff-session.type.js';

@ObjectType('TwoFactorEnrolment', { description: 'What an authenticator app needs to set up two-factor sign-in.' })
export class TwoFactorEnrolmentType {
  @Field({ description: 'The secret (base32), to type into the app by hand.' })
  secret: string;

  @Field({ description: 'The otpauth:// URI the QR code holds.' })
  otpauthUri: string;

  @Field({ description: 'The QR code to scan, as an SVG data URL (use it as an image source).' })
  qrCodeDataUrl: string;
}

@ObjectType('TwoFactorConfirmation', { description: 'Two-factor sign-in is on.' })
export class TwoFactorConfirmationType {
  @Field(() => [String], { description: 'Ten single-use recovery codes, for when the phone is lost. Shown this once: only their hashes are kept.' })
  recoveryCodes: string[];

  @Field(() => StaffSessionType, { nullable: true, description: 'The session, when this finished a sign-in (an ENROL challenge).' })
  session: StaffSessionType | null;
}
