import type { MessageDeliveryState } from '../../entities/message-delivery.entity.js';

/** A file an inbound message carries, as the provider names it: a WhatsApp media id or a Twilio media URL. */
export interface InboundMedia {
  reference: string;
  fileName: string | null;
}

/** A customer's message as either provider's webhook reports it, in the same words. */
export interface InboundMessage {
  /** wamid… or SM…/MM…: what redeliveries repeat. */
  providerMessageId: string;
  /** E.164. */
  from: string;
  /** The sender's own profile name (WhatsApp), if any: a new customer is called that. */
  profileName: string | null;
  text: string;
  media: InboundMedia[];
}

/** A provider's word on an outbound message. */
export interface DeliveryStatusUpdate {
  providerMessageId: string;
  state: MessageDeliveryState;
  /** Why it failed, in the provider's words. */
  reason: string | null;
}
