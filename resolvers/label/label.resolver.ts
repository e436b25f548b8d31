import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Label } from '../../entities/label.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { ConversationType } from '../conversation/conversation.type.js';
import { threadOf } from '../thread/request-thread.js';
import { ConversationLabelsService } from './conversation-labels.service.js';
import { ConversationLabelArgs, CreateLabelInput, UpdateLabelInput } from './label.inputs.js';
import { LabelService } from './label.service.js';
import { LabelType } from './label.type.js';

const labels = (context: RequestContext) => new LabelService(context.scope);
const conversationLabels = (context: RequestContext) => new ConversationLabelsService(context.scope, threadOf(context));

@Resolver(() => LabelType)
export class LabelResolver {
  @Authorized(Permission.READ_LABELS)
  @Query(() => [LabelType], { description: "The pharmacy's labels, by name. Staff, and keys with conversations:read." })
  labels(@Ctx() context: RequestContext): Promise<Label[]> {
    return labels(context).list();
  }

  @Authorized(Permission.MANAGE_LABELS)
  @Mutation(() => LabelType, { description: 'Admins only. A name the pharmacy already has (whatever its case) is CONFLICT.' })
  createLabel(@Arg('input') input: CreateLabelInput, @Ctx() context: RequestContext): Promise<Label> {
    return labels(context).create(input);
  }

  @Authorized(Permission.MANAGE_LABELS)
  @Mutation(() => LabelType, { description: 'Admins only. Renames or recolours; threads keep the label.' })
  updateLabel(@Arg('input') input: UpdateLabelInput, @Ctx() context: RequestContext): Promise<Label> {
    return labels(context).update(input);
  }

  @Authorized(Permission.MANAGE_LABELS)
  @Mutation(() => ID, { description: "Admins only. Takes the label off every thread and deletes it; answers the label's id." })
  deleteLabel(@Arg('labelId', () => ID) labelId: string, @Ctx() context: RequestContext): Promise<string> {
    return labels(context).delete(labelId);
  }
}

@Resolver(() => ConversationType)
export class ConversationLabelsResolver {
  @Authorized(Permission.LABEL_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: 'Staff, and keys with labels:write. Adding a label the thread has changes nothing.' })
  addConversationLabel(@Args() args: ConversationLabelArgs, @Ctx() context: RequestContext): Promise<Conversation> {
    return conversationLabels(context).add(args);
  }

  @Authorized(Permission.LABEL_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: "Staff, and keys with labels:write. Removing a label the thread hasn't changes nothing." })
  removeConversationLabel(@Args() args: ConversationLabelArgs, @Ctx() context: RequestContext): Promise<Conversation> {
    return conversationLabels(context).remove(args);
  }

  @FieldResolver(() => [LabelType], { description: "By name. Staff, and keys with conversations:read; a customer's own threads show none." })
  async labels(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Label[]> {
    // The team's words about the thread ("Difficult", "Awaiting GP"), not the customer's to read.
    if (context.viewer.kind === 'customer') return [];
    return context.loaders.labelsByConversation.load(conversation.id);
  }
}
