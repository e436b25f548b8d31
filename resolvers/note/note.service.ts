import { Message, MessageKind } from '../../entities/message.entity.js';
import { NoteMention } from '../../entities/note-mention.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { normalizeMessageBody } from '../message/message-body.js';
import type { ThreadService } from '../thread/thread.service.js';
import { mentionedIn } from './note-mentions.js';

export interface WriteNote {
  conversationId: string;
  body: string;
  clientMessageId: string;
}

/** How many unseen mentions a staff member's badge lists at most. */
export const MENTIONS_LISTED = 50;

/**
 * Internal notes: messages of kind NOTE, for the team only (gateway/tenancy/message-audience.ts
 * keeps them from customers, their exports and customer webhook endpoints, and from keys
 * without notes:read), and the colleagues they mention.
 */
export class NoteService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
  ) {}

  /** Idempotent by client message id, like sendMessage. A note neither reopens a thread nor counts as an answer. */
  async write(command: WriteNote): Promise<Message> {
    const body = normalizeMessageBody(command.body);
    const author = actorOf(this.scope.viewer);
    return this.scope.transaction(async (tx) => {
      const locked = await this.thread.lock(tx, command.conversationId);
      const earlier = await tx
        .messages('message')
        .andWhere('message.conversationId = :conversationId', { conversationId: locked.id })
        .andWhere('message.senderType = :senderType AND message.senderId = :senderId', { senderType: author.type, senderId: author.id })
        .andWhere('message.clientMessageId = :clientMessageId', { clientMessageId: command.clientMessageId })
        .getOne();
      if (earlier) return earlier;
      const note = await this.thread.write(tx, locked, { kind: MessageKind.NOTE, sender: author, body, clientMessageId: command.clientMessageId });
      const colleagues = await tx.staff('staff').andWhere('staff.deactivatedAt IS NULL').andWhere('staff.id <> :authorId', { authorId: author.id }).getMany();
      const mentioned = mentionedIn(body, colleagues);
      await tx.insertMany(
        NoteMention,
        mentioned.map((colleague) => ({ messageId: note.id, conversationId: locked.id, staffId: colleague.id })),
      );
      return note;
    });
  }

  /** The viewer's mentions not yet seen (seen = they read that conversation since), newest first. */
  unseenMentions(staffId: string): Promise<NoteMention[]> {
    return this.scope
      .noteMentions('mention')
      .andWhere('mention.staffId = :staffId AND mention.seenAt IS NULL', { staffId })
      .orderBy('mention.createdAt', 'DESC')
      .limit(MENTIONS_LISTED)
      .getMany();
  }
}
