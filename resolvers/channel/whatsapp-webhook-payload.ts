import { MessageDeliveryState } from '../../entities/message-delivery.entity.js';
import { UPLOAD_LIMITS } from '../../gateway/uploads/upload-limits.js';
import { providerNumberToE164 } from '../customer/phone-number.js';
import type { DeliveryStatusUpdate, InboundMessage } from './inbound-message.js';

/** What one WhatsApp Cloud API webhook carries for one business number. */
export interface WhatsAppWebhookContent {
  messages: InboundMessage[];
  statuses: DeliveryStatusUpdate[];
}

const STATES: Record<string, MessageDeliveryState> = {
  sent: MessageDeliveryState.SENT,
  delivered: MessageDeliveryState.DELIVERED,
  read: MessageDeliveryState.READ,
  failed: MessageDeliveryState.FAILED,
};

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The messages and statuses of a Cloud API webhook (`object: whatsapp_business_account`,
 * `entry[].changes[].value`) that name `phoneNumberId` in their metadata: changes for
 * another number are not this connection's and are ignored. Text, images and documents are
 * taken in; other types (stickers, locations, reactions…) become a line saying what came.
 */
export function readWhatsAppWebhook(body: unknown, phoneNumberId: string): WhatsAppWebhookContent {
  const content: WhatsAppWebhookContent = { messages: [], statuses: [] };
  if (object(body).object !== 'whatsapp_business_account') return content;
  for (const entry of list(object(body).entry)) {
    for (const change of list(object(entry).changes)) {
      const value = object(object(change).value);
      if (object(change).field !== 'messages' || text(object(value.metadata).phone_number_id) !== phoneNumberId) continue;
      const names = new Map(list(value.contacts).map((contact) => [text(object(contact).wa_id), text(object(object(contact).profile).name)]));
      for (const raw of list(value.messages)) {
        const message = inboundOf(object(raw), names);
        if (message) content.messages.push(message);
      }
      for (const raw of list(value.statuses)) {
        const status = object(raw);
        const id = text(status.id);
        const state = STATES[text(status.status) ?? ''];
        if (!id || !state) continue;
        const error = object(list(status.errors)[0]);
        const reason = state === MessageDeliveryState.FAILED ? failureReason(error) : null;
        content.statuses.push({ providerMessageId: id, state, reason });
      }
    }
  }
  return content;
}

function inboundOf(message: Json, names: Map<string | null, string | null>): InboundMessage | undefined {
  const id = text(message.id);
  const fromRaw = text(message.from);
  const from = fromRaw ? providerNumberToE164(fromRaw) : null;
  if (!id || !from) return undefined;
  const type = text(message.type);
  const base = { providerMessageId: id, from, profileName: names.get(fromRaw) ?? null };
  if (type === 'text') return { ...base, text: text(object(message.text).body) ?? '', media: [] };
  if (type === 'image' || type === 'document') {
    const media = object(message[type]);
    const mediaId = text(media.id);
    if (!mediaId) return undefined;
    return { ...base, text: text(media.caption) ?? '', media: [{ reference: mediaId, fileName: text(media.filename) }].slice(0, UPLOAD_LIMITS.maxFilesPerMessage) };
  }
  // Something the inbox can't show: staff at least see that it came.
  return { ...base, text: `[WhatsApp ${type ?? 'message'} — open WhatsApp to see it]`, media: [] };
}

function failureReason(error: Json): string {
  const code = typeof error.code === 'number' ? ` (${error.code})` : '';
  const words = text(object(error.error_data).details) ?? text(error.message) ?? text(error.title) ?? 'Not delivered';
  return `WhatsApp${code}: ${words}`;
}
