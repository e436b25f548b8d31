import type { Customer } from '../../entities/customer.entity.js';
import { NotificationChannel } from '../../entities/notification-log-entry.entity.js';

export type CustomerChannel = NotificationChannel.EMAIL | NotificationChannel.SMS;

/** Whether a customer may be notified on a channel: an address, consent, and no opt-out. */
export function mayNotify(customer: Pick<Customer, 'email' | 'phone' | 'emailConsentAt' | 'smsConsentAt' | 'emailOptedOutAt' | 'smsOptedOutAt'>, channel: CustomerChannel): boolean {
  return channel === NotificationChannel.EMAIL
    ? Boolean(customer.email && customer.emailConsentAt && !customer.emailOptedOutAt)
    : Boolean(customer.phone && customer.smsConsentAt && !customer.smsOptedOutAt);
}

export type ContactChoice =
  | { kind: 'send'; channel: CustomerChannel; address: string }
  /** The customer has an address but unsubscribed from it (recorded as OPTED_OUT, once). */
  | { kind: 'opted-out'; channel: CustomerChannel; address: string }
  /** No address with consent: nothing to record. */
  | { kind: 'none' };

/** E-mail when the customer has an address and consented, else SMS likewise (issue 18). */
export function contactChoiceFor(customer: Pick<Customer, 'email' | 'phone' | 'emailConsentAt' | 'smsConsentAt' | 'emailOptedOutAt' | 'smsOptedOutAt'>): ContactChoice {
  if (mayNotify(customer, NotificationChannel.EMAIL)) return { kind: 'send', channel: NotificationChannel.EMAIL, address: customer.email! };
  if (mayNotify(customer, NotificationChannel.SMS)) return { kind: 'send', channel: NotificationChannel.SMS, address: customer.phone! };
  if (customer.email && customer.emailOptedOutAt) return { kind: 'opted-out', channel: NotificationChannel.EMAIL, address: customer.email };
  if (customer.phone && customer.smsOptedOutAt) return { kind: 'opted-out', channel: NotificationChannel.SMS, address: customer.phone };
  return { kind: 'none' };
}
