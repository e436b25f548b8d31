/** Who can act in a conversation. Stored next to an id as a polymorphic reference. */
export enum ActorType {
  STAFF = 'STAFF',
  CUSTOMER = 'CUSTOMER',
  PARTNER = 'PARTNER',
}

/** A reference to whoever sent, reacted or participates: a staff user, customer or partner API key. */
export interface ActorRef {
  type: ActorType;
  id: string;
}
