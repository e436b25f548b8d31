import { ChannelKind } from '../../entities/channel-connection.entity.js';
import { MessageKind, type Message } from '../../entities/message.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';
import { queueChannelDelivery } from './channel-delivery.js';

const MAX_PARAMETERS = 10;
const MAX_PARAMETER_LENGTH = 1000;

export interface SendWhatsAppTemplate {
  conversationId: string;
  name: string;
  language: string;
  parameters: readonly string[];
  clientMessageId: string;
}

/**
 * An approved template into a WhatsApp thread: what may be sent outside the 24-hour window.
 * It is one of the pharmacy's configured templates; the thread shows it as a message naming
 * the template and its values, and it goes out through the same durable send job as replies.
 */
export class WhatsAppTemplateService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
  ) {}

  send(command: SendWhatsAppTemplate): Promise<Message> {
    const sender = actorOf(this.scope.viewer);
    const parameters = command.parameters.map((value) => value.trim());
    if (parameters.length > MAX_PARAMETERS) throw badUserInput('parameters', `A template takes at most ${MAX_PARAMETERS} values.`);
    parameters.forEach((value, index) => {
      if (!value || value.length > MAX_PARAMETER_LENGTH) throw badUserInput(`parameters[${index}]`, `Each template value needs 1 to ${MAX_PARAMETER_LENGTH} characters.`);
    });
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      const earlier = await tx
        .messages('message')
        .andWhere('message.conversationId = :conversationId AND message.clientMessageId = :clientMessageId', { conversationId: conversation.id, clientMessageId: command.clientMessageId })
        .andWhere('message.senderType = :senderType AND message.senderId = :senderId', { senderType: sender.type, senderId: sender.id })
        .getOne();
      if (earlier) return earlier;
      const connection = conversation.channelConnectionId
        ? await tx.channelConnections('connection').andWhere('connection.id = :id', { id: conversation.channelConnectionId }).getOne()
        : null;
      if (!connection || connection.kind !== ChannelKind.WHATSAPP) throw badUserInput('conversationId', 'Templates are for conversations that came in through WhatsApp.');
      const template = connection.whatsappTemplates.find((known) => known.name === command.name && known.language === command.language);
      if (!template) throw badUserInput('name', 'This template is not one of the pharmacy’s approved WhatsApp templates.');
      const message = await this.thread.write(tx, conversation, {
        kind: MessageKind.TEXT,
        sender,
        body: `[${template.name} · ${template.language}]${parameters.length > 0 ? ` ${parameters.join(' · ')}` : ''}`,
        clientMessageId: command.clientMessageId,
        replyToId: null,
      });
      await queueChannelDelivery(tx, conversation, message, { ...template, parameters });
      return message;
    });
  }
}
