import { errors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors/domain-error.js';
import type { CustomerViewer, StaffViewer } from './viewer.js';
import { StaffRole } from '../../entities/staff-user.entity.js';

const ISSUER = 'counterchat';
// Distinct audiences keep a customer's chat token from ever passing as a staff session.
const STAFF_AUDIENCE = 'counterchat:staff';
const CUSTOMER_AUDIENCE = 'counterchat:customer';

export const STAFF_TOKEN_TTL_SECONDS = 12 * 60 * 60;
export const CHAT_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signs and checks the gateway's own tokens: staff sessions and customer chat tokens (HS256). */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  issueStaffToken(staff: Pick<StaffViewer, 'organizationId' | 'staffId' | 'role'>): Promise<IssuedToken> {
    return this.sign({ org: staff.organizationId, role: staff.role }, staff.staffId, STAFF_AUDIENCE, STAFF_TOKEN_TTL_SECONDS);
  }

  issueChatToken(customer: Pick<CustomerViewer, 'organizationId' | 'customerId'>, ttlSeconds = CHAT_TOKEN_TTL_SECONDS): Promise<IssuedToken> {
    return this.sign({ org: customer.organizationId }, customer.customerId, CUSTOMER_AUDIENCE, ttlSeconds);
  }

  /** A staff or customer viewer; UNAUTHENTICATED for anything expired, tampered or foreign. */
  async verify(token: string): Promise<StaffViewer | CustomerViewer> {
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
        return { kind: 'staff', organizationId, staffId: payload.sub, role: payload.role as StaffRole, expiresAt };
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

  private async sign(claims: Record<string, string>, subject: string, audience: string, ttlSeconds: number): Promise<IssuedToken> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
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
