import { MessageDeliveryState } from '../../entities/message-delivery.entity.js';
import { UPLOAD_LIMITS } from '../../gateway/uploads/upload-limits.js';
import { providerNumberToE164 } from '../customer/phone-number.js';
import type { DeliveryStatusUpdate, InboundMessage } from './inbound-message.js';

/** Twilio's MessageStatus values that change what staff see; queued, sending, accepted… don't. */
const STATES: Record<string, MessageDeliveryState> = {
  sent: MessageDeliveryState.SENT,
  delivered: MessageDeliveryState.DELIVERED,
  read: MessageDeliveryState.READ,
  undelivered: MessageDeliveryState.FAILED,
  failed: MessageDeliveryState.FAILED,
};

/**
 * An incoming text or MMS as Twilio posts it (form fields MessageSid, AccountSid, From, To,
 * Body, NumMedia, MediaUrlN), for the connection's account and number only.
 */
export function readTwilioInbound(parameters: Readonly<Record<string, string>>, account: { accountSid: string; phoneNumber: string }): InboundMessage | undefined {
  const id = parameters.MessageSid;
  const from = parameters.From ? providerNumberToE164(parameters.From) : null;
  if (!id || !from || parameters.AccountSid !== account.accountSid || providerNumberToE164(parameters.To ?? '') !== account.phoneNumber) return undefined;
  const count = Math.min(Number.parseInt(parameters.NumMedia ?? '0', 10) || 0, UPLOAD_LIMITS.maxFilesPerMessage);
  const media = Array.from({ length: count }, (_, index) => parameters[`MediaUrl${index}`])
    .filter((url): url is string => Boolean(url))
    .map((url) => ({ reference: url, fileName: null }));
  return { providerMessageId: id, from, profileName: parameters.ProfileName || null, text: parameters.Body ?? '', media };
}

/** A status callback (MessageSid, MessageStatus, ErrorCode) for the connection's account. */
export function readTwilioStatus(parameters: Readonly<Record<string, string>>, accountSid: string): DeliveryStatusUpdate | undefined {
  const state = STATES[parameters.MessageStatus ?? ''];
  if (!parameters.MessageSid || !state || parameters.AccountSid !== accountSid) return undefined;
  const reason = state === MessageDeliveryState.FAILED ? `Twilio${parameters.ErrorCode ? ` (${parameters.ErrorCode})` : ''}: ${parameters.ErrorMessage || `message ${parameters.MessageStatus}`}` : null;
  return { providerMessageId: parameters.MessageSid, state, reason };
}
