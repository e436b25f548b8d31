import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { KNOWN_PLACEHOLDERS } from '../../clients/shared/saved-replies/placeholders.js';
import type { SavedReply } from '../../entities/saved-reply.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { CreateSavedReplyInput, UpdateSavedReplyInput } from './saved-reply.inputs.js';
import { SavedReplyService } from './saved-reply.service.js';
import { SavedReplyType } from './saved-reply.type.js';

const service = (context: RequestContext) => new SavedReplyService(context.scope);

/** Saved replies are written by people: every operation is for staff, none for API keys or customers. */
@Resolver(() => SavedReplyType)
export class SavedReplyResolver {
  @Authorized(Permission.USE_SAVED_REPLIES)
  @Query(() => [SavedReplyType], {
    description: 'The pharmacy\'s saved replies and your own, by shortcut, at most 200. "search" matches the start of a shortcut, or words anywhere in title or body.',
  })
  savedReplies(@Arg('search', () => String, { nullable: true }) search: string | null | undefined, @Ctx() context: RequestContext): Promise<SavedReply[]> {
    return service(context).list(search);
  }

  @Authorized(Permission.USE_SAVED_REPLIES)
  @Query(() => [String], { description: 'The placeholders a saved reply may hold, e.g. "customer.firstName" (written {{customer.firstName}}).' })
  savedReplyPlaceholders(): readonly string[] {
    return KNOWN_PLACEHOLDERS;
  }

  @Authorized(Permission.USE_SAVED_REPLIES)
  @Mutation(() => SavedReplyType, { description: 'Your own saved reply, or with shared: true (admins) one for the whole pharmacy. A shortcut in use is CONFLICT.' })
  createSavedReply(@Arg('input') input: CreateSavedReplyInput, @Ctx() context: RequestContext): Promise<SavedReply> {
    return service(context).create(input);
  }

  @Authorized(Permission.USE_SAVED_REPLIES)
  @Mutation(() => SavedReplyType, { description: "Your own, or (admins) a shared one. Another staff member's personal reply is NOT_FOUND." })
  updateSavedReply(@Arg('input') input: UpdateSavedReplyInput, @Ctx() context: RequestContext): Promise<SavedReply> {
    return service(context).update(input);
  }

  @Authorized(Permission.USE_SAVED_REPLIES)
  @Mutation(() => SavedReplyType, { description: 'Your own, or (admins) a shared one. Returns the reply as it was.' })
  deleteSavedReply(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<SavedReply> {
    return service(context).delete(id);
  }

  @FieldResolver(() => Boolean)
  shared(@Root() reply: SavedReply): boolean {
    return reply.ownerStaffId === null;
  }
}
