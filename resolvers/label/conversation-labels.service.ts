import { Conversation } from '../../entities/conversation.entity.js';
import { ConversationLabel } from '../../entities/conversation-label.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';
import { LabelService } from './label.service.js';

export interface ConversationLabelChange {
  conversationId: string;
  labelId: string;
}

/**
 * Which threads carry which labels. Adding a label a thread has, or removing one it hasn't,
 * changes nothing and tells nobody: clients may retry. A change is audited, reaches webhook
 * receivers (`conversation.labels_changed`) and the inbox as a row update, and counts as a
 * change of the thread (`updatedAt`, which partners sync by).
 */
export class ConversationLabelsService {
  private readonly labels: LabelService;

  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
  ) {
    this.labels = new LabelService(scope);
  }

  add(command: ConversationLabelChange): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      const label = await this.labels.get(command.labelId, 'labelId', tx);
      const actor = actorOf(tx.viewer);
      const added = await tx.insertIfAbsent(ConversationLabel, { conversationId: conversation.id, labelId: label.id, addedByType: actor.type, addedById: actor.id });
      if (!added) return conversation;
      await this.changed(tx, conversation, label, true);
      return conversation;
    });
  }

  remove(command: ConversationLabelChange): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      const label = await this.labels.get(command.labelId, 'labelId', tx);
      const removed = await tx.delete(ConversationLabel, { conversationId: conversation.id, labelId: label.id });
      if (removed === 0) return conversation;
      await this.changed(tx, conversation, label, false);
      return conversation;
    });
  }

  private async changed(tx: TenantScope, conversation: Conversation, label: { id: string; name: string }, added: boolean): Promise<void> {
    const updatedAt = new Date();
    await tx.update(Conversation, { id: conversation.id }, { updatedAt });
    conversation.updatedAt = updatedAt;
    await tx.audit(added ? AuditAction.CONVERSATION_LABEL_ADDED : AuditAction.CONVERSATION_LABEL_REMOVED, { type: 'Conversation', id: conversation.id }, {
      labelId: label.id,
      labelName: label.name,
    });
    await this.thread.labelsChanged(tx, conversation, { label, added });
  }
}
