import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../entities/customer.entity.js';
import { NotificationChannel } from '../../entities/notification-log-entry.entity.js';
import { CustomerType } from '../customer/customer.type.js';
import { mayNotify } from './customer-contact.js';
import { NotificationConsentType } from './customer-consent.type.js';

/** Consent and opt-out per channel on Customer (issue 18): contact details, so customers:read for partner keys. */
@Resolver(() => CustomerType)
export class CustomerConsentFieldsResolver {
  @FieldResolver(() => NotificationConsentType, { description: 'E-mail notifications of replies. Partner keys need customers:read.' })
  emailNotifications(@Root() customer: Customer): NotificationConsentType {
    return { active: mayNotify(customer, NotificationChannel.EMAIL), consentedAt: customer.emailConsentAt, optedOutAt: customer.emailOptedOutAt };
  }

  @FieldResolver(() => NotificationConsentType, { description: 'SMS notifications of replies. Partner keys need customers:read.' })
  smsNotifications(@Root() customer: Customer): NotificationConsentType {
    return { active: mayNotify(customer, NotificationChannel.SMS), consentedAt: customer.smsConsentAt, optedOutAt: customer.smsOptedOutAt };
  }
}
