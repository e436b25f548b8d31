import { Reaction } from '../../entities/reaction.entity.js';
import type { Message } from '../../entities/message.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';

// One emoji, possibly with modifiers and joiners (👍🏽, 👨‍⚕️, ❤️), and nothing else.
const SINGLE_EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2})(?:[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{20E3}]|\u{200D}\p{Extended_Pictographic})*$/u;

/** One emoji of the viewer's on one message. */
export interface MessageReaction {
  messageId: string;
  emoji: string;
}

export class ReactionService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
  ) {}

  /** Adding the same emoji twice is not an error: the reaction is simply there. */
  async add({ messageId, emoji }: MessageReaction): Promise<Message> {
    const message = await this.reactableMessage(messageId);
    const actor = actorOf(this.scope.viewer);
    const inserted = await this.scope.insertIfAbsent(Reaction, { messageId: message.id, actorType: actor.type, actorId: actor.id, emoji: assertEmoji(emoji) });
    if (inserted) await this.thread.reactionsChanged(message);
    return message;
  }

  async remove({ messageId, emoji }: MessageReaction): Promise<Message> {
    const message = await this.reactableMessage(messageId);
    const actor = actorOf(this.scope.viewer);
    const deleted = await this.scope.delete(Reaction, { messageId: message.id, actorType: actor.type, actorId: actor.id, emoji });
    if (deleted > 0) await this.thread.reactionsChanged(message);
    return message;
  }

  private async reactableMessage(messageId: string): Promise<Message> {
    const message = await this.scope.findOne(this.scope.messages('message'), messageId, 'messageId', 'Message');
    if (message.deletedAt) throw badUserInput('messageId', "A deleted message can't get reactions.");
    return message;
  }
}

function assertEmoji(emoji: string): string {
  if (emoji.length > 32 || !SINGLE_EMOJI.test(emoji)) throw badUserInput('emoji', 'A reaction is a single emoji.');
  return emoji;
}
