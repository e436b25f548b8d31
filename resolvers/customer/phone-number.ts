import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { badUserInput } from '../../gateway/errors/domain-error.js';

/** Accepts only a valid number already in E.164 form (+31612345678); anything else is BAD_USER_INPUT. */
export function assertE164(phone: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed || !parsed.isValid() || parsed.number !== phone) {
    throw badUserInput(field, 'Enter the phone number in international format, e.g. +31612345678.');
  }
  return phone;
}
