import { MESSAGE_BODY_MAX_LENGTH } from '../../entities/message.entity.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';

/**
 * Trims the ends and checks the length the way PostgreSQL counts it (code points,
 * not UTF-16 units), so an emoji-heavy message is judged the same on both sides.
 */
export function normalizeMessageBody(body: string, field = 'body', options: { allowEmpty?: boolean } = {}): string {
  // Lone UTF-16 surrogates can't be stored as UTF-8; replace them so what is stored is what is returned.
  const trimmed = body.toWellFormed().trim();
  if (trimmed.length === 0 && !options.allowEmpty) throw badUserInput(field, "A message can't be empty.");
  if ([...trimmed].length > MESSAGE_BODY_MAX_LENGTH) {
    throw badUserInput(field, `A message can be at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString('en')} characters.`);
  }
  return trimmed;
}
