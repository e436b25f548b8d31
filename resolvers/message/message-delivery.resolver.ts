import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { ArrayMaxSize, IsUUID, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Message } from '../../entities/message.entity.js';
import { publishedDelivery, type RevivedDelivery } from '../../gateway/pubsub/published-relations.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { RateLimited } from '../../gateway/rate-limits/rate-limited.js';
import { MessageDeliveryType } from '../channel/message-delivery.type.js';
import { WhatsAppTemplateService } from '../channel/whatsapp-template.service.js';
import { threadOf } from '../thread/request-thread.js';
import { MessageType } from './message.type.js';

@InputType('SendWhatsAppTemplateInput', { description: 'An approved template to send into a WhatsApp conversation (allowed outside the 24-hour window).' })
export class SendWhatsAppTemplateInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"conversationId" is not a valid id.' })
  conversationId: string;

  @Field({ description: "One of the connection's whatsappTemplates." })
  @Length(1, 512)
  name: string;

  @Field()
  @Length(2, 10)
  language: string;

  @Field(() => [String], { defaultValue: [], description: "The template body's {{1}}, {{2}}… values, in order." })
  @ArrayMaxSize(10)
  parameters: string[];

  @Field({ description: 'Chosen by the client; retrying with the same id returns the original message.' })
  @Length(1, 100, { message: '"clientMessageId" needs 1 to 100 characters.' })
  clientMessageId: string;
}

/** How a reply through WhatsApp or SMS fares, and templates for WhatsApp's closed window. */
@Resolver(() => MessageType)
export class MessageDeliveryResolver {
  @FieldResolver(() => MessageDeliveryType, { nullable: true, description: 'Set for replies sent through a WhatsApp or SMS conversation; live updates come as DELIVERY_CHANGED.' })
  async delivery(@Root() message: Message, @Ctx() context: RequestContext): Promise<RevivedDelivery | null> {
    // What the event said (a replay's, a web thread's new message: none), else the row.
    const published = publishedDelivery.of(message);
    if (published !== undefined) return published;
    return (await context.loaders.deliveriesByMessage.load(message.id))[0] ?? null;
  }

  @Authorized(Permission.SEND_MESSAGES)
  @UseMiddleware(RateLimited((limits) => limits.messages))
  @Mutation(() => MessageType, { description: 'Sends an approved WhatsApp template into a WhatsApp conversation; its delivery is tracked like a reply.' })
  sendWhatsAppTemplate(@Arg('input') input: SendWhatsAppTemplateInput, @Ctx() context: RequestContext): Promise<Message> {
    return new WhatsAppTemplateService(context.scope, threadOf(context)).send(input);
  }
}
