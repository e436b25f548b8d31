import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { ApiKeyScope } from '../../entities/api-key.entity.js';
import type { StaffRole } from '../../entities/staff-user.entity.js';

/** Who is asking. Every request and socket resolves to exactly one. */
export type Viewer = StaffViewer | CustomerViewer | PartnerViewer | AnonymousViewer;

interface Credential {
  /** When the token or key stops being valid; sockets close then. Undefined: never. */
  expiresAt?: Date;
}

export interface StaffViewer extends Credential {
  kind: 'staff';
  organizationId: string;
  staffId: string;
  role: StaffRole;
  /**
   * The sign-in session its token belongs to (`sid`): ending the session stops the token.
   * Absent only for work done on a staff member's behalf without a token (demo data).
   */
  sessionId?: string;
}

export interface CustomerViewer extends Credential {
  kind: 'customer';
  organizationId: string;
  customerId: string;
  /** When the chat token was signed: tokens from before a revocation (erasure) are refused. */
  issuedAt: Date;
}

export interface PartnerViewer extends Credential {
  kind: 'partner';
  organizationId: string;
  apiKeyId: string;
  scopes: ApiKeyScope[];
}

export interface AnonymousViewer {
  kind: 'anonymous';
}

export type SignedInViewer = Exclude<Viewer, AnonymousViewer>;

export const anonymousViewer: AnonymousViewer = { kind: 'anonymous' };

/** The viewer as the author of messages, reactions and read positions. */
export function actorOf(viewer: SignedInViewer): ActorRef {
  switch (viewer.kind) {
    case 'staff':
      return { type: ActorType.STAFF, id: viewer.staffId };
    case 'customer':
      return { type: ActorType.CUSTOMER, id: viewer.customerId };
    case 'partner':
      return { type: ActorType.PARTNER, id: viewer.apiKeyId };
  }
}

/**
 * Senders whose messages count as unread for this viewer: the other side of the
 * counter. A pharmacist is waiting on customers, a customer on the pharmacy.
 */
export function unreadSenderTypesFor(viewer: SignedInViewer): ActorType[] {
  return viewer.kind === 'customer' ? [ActorType.STAFF, ActorType.PARTNER] : [ActorType.CUSTOMER];
}
