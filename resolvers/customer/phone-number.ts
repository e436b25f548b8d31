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

/**
 * A number as a provider reports it (`31612345678` from WhatsApp, `+31612345678` or
 * `whatsapp:+31612345678` from Twilio) in E.164, or null when it is no phone number at all.
 */
export function providerNumberToE164(raw: string): string | null {
  const digits = raw.replace(/^whatsapp:/, '').trim();
  const candidate = digits.startsWith('+') ? digits : `+${digits}`;
  if (!/^\+\d{6,15}$/.test(candidate)) return null;
  const parsed = parsePhoneNumberFromString(candidate);
  return parsed?.isValid() ? parsed.number : candidate;
}
