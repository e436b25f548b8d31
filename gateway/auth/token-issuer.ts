import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '../errors/domain-error.js';
import type { CustomerViewer, StaffViewer } from './viewer.js';
import { StaffRole } from '../../entities/staff-user.entity.js';

const ISSUER = 'counterchat';
// Distinct audiences keep a customer's chat token from ever passing as a staff session.
const STAFF_AUDIENCE = 'counterchat:staff';
const CUSTOMER_AUDIENCE = 'counterchat:customer';
// A second-step challenge after a right password: never a session, whatever it is sent as.
const CHALLENGE_AUDIENCE = 'counterchat:sign-in-challenge';

/** How long the second step of a sign-in may take. */
export const SIGN_IN_CHALLENGE_TTL_SECONDS = 10 * 60;

/** What a sign-in still needs: a code (or recovery code), or enrolment first (the pharmacy requires two-factor sign-in). */
export type SignInChallengeKind = 'CODE' | 'ENROL';

export interface SignInChallenge {
  organizationId: string;
  staffId: string;
  kind: SignInChallengeKind;
  /** Unique per challenge: the session it opens records it, so it opens one session only. */
  challengeId: string;
  expiresAt: Date;
}

export const STAFF_TOKEN_TTL_SECONDS = 12 * 60 * 60;
export const CHAT_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

/** When a staff token issued now expires (whole seconds, as in the JWT). */
export const staffTokenExpiry = (now = Date.now()) => new Date(Math.floor(now / 1000) * 1000 + STAFF_TOKEN_TTL_SECONDS * 1000);

/**
 * Tokens this instance verified lately. A reconnect storm brings the same tokens back within
 * seconds, and every HTTP request of a pharmacist carries the one token of their session: the
 * HMAC and the claims' checks (~0.1 ms each) need not run again. Only the signature is
 * remembered: revocation (ended sessions, blocked customers, erasure) is checked by the
 * caller on every use, and expiry on every hit.
 */
const VERIFIED_TOKENS_MAX = 10_000;
const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signs and checks the gateway's own tokens: staff sessions and customer chat tokens (HS256). */
export class TokenIssuer {
  private readonly key: Uint8Array;
  private readonly verified = new LRUCache<string, StaffViewer | CustomerViewer>({ max: VERIFIED_TOKENS_MAX, ttl: VERIFIED_TOKEN_TTL_MS });

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A staff JWT for session `sessionId` (its row says whether it has been ended), valid until `expiresAt`. */
  issueStaffToken(staff: Pick<StaffViewer, 'organizationId' | 'staffId' | 'role'> & { sessionId: string }, expiresAt = staffTokenExpiry()): Promise<IssuedToken> {
    return this.sign({ org: staff.organizationId, role: staff.role, sid: staff.sessionId }, staff.staffId, STAFF_AUDIENCE, expiresAt);
  }

  issueChatToken(customer: Pick<CustomerViewer, 'organizationId' | 'customerId'>, ttlSeconds = CHAT_TOKEN_TTL_SECONDS): Promise<IssuedToken> {
    return this.sign({ org: customer.organizationId }, customer.customerId, CUSTOMER_AUDIENCE, new Date(Date.now() + ttlSeconds * 1000));
  }

  /** A staff or customer viewer; UNAUTHENTICATED for anything expired, tampered or foreign. */
  async verify(token: string): Promise<StaffViewer | CustomerViewer> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt && known.expiresAt.getTime() <= Date.now()) {
        this.verified.delete(token);
        throw unauthenticated('Your session has expired. Sign in again.');
      }
      // A copy: a caller that adds to its viewer must not change the next request's.
      return { ...known };
    }
    const viewer = await this.verifySignature(token);
    this.verified.set(token, viewer);
    return { ...viewer };
  }

  private async verifySignature(token: string): Promise<StaffViewer | CustomerViewer> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: [STAFF_AUDIENCE, CUSTOMER_AUDIENCE],
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat'],
      });
      const organizationId = payload.org;
      if (typeof organizationId !== 'string' || typeof payload.sub !== 'string') throw new Error('missing claims');
      const expiresAt = new Date(payload.exp! * 1000);
      if (payload.aud === STAFF_AUDIENCE && Object.values(StaffRole).includes(payload.role as StaffRole)) {
        const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
        return { kind: 'staff', organizationId, staffId: payload.sub, role: payload.role as StaffRole, sessionId, expiresAt };
      }
      if (payload.aud === CUSTOMER_AUDIENCE) {
        return { kind: 'customer', organizationId, customerId: payload.sub, expiresAt, issuedAt: new Date(payload.iat! * 1000) };
      }
      throw new Error('unknown audience');
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('Your session has expired. Sign in again.');
      throw unauthenticated('The access token is not valid.');
    }
  }

  /** A short-lived token for the second step of a sign-in: proves the password was right, grants nothing else. */
  issueSignInChallenge(challenge: Omit<SignInChallenge, 'expiresAt'>): Promise<IssuedToken> {
    const expiresAt = new Date(Date.now() + SIGN_IN_CHALLENGE_TTL_SECONDS * 1000);
    return this.sign({ org: challenge.organizationId, kind: challenge.kind, jti: challenge.challengeId }, challenge.staffId, CHALLENGE_AUDIENCE, expiresAt);
  }

  /** The challenge, or UNAUTHENTICATED ("sign in again") for anything expired, tampered or of another kind. */
  async verifySignInChallenge(token: string, kind: SignInChallengeKind): Promise<SignInChallenge> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: CHALLENGE_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'jti', 'sub'] });
      if (typeof payload.org !== 'string' || payload.kind !== kind || typeof payload.jti !== 'string') throw new Error('not this kind of challenge');
      return { organizationId: payload.org, staffId: payload.sub!, kind, challengeId: payload.jti, expiresAt: new Date(payload.exp! * 1000) };
    } catch {
      throw unauthenticated('This sign-in step has expired or is not valid. Sign in again.');
    }
  }

  private async sign(claims: Record<string, string>, subject: string, audience: string, expiresAt: Date): Promise<IssuedToken> {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }
}
