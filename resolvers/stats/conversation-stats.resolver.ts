import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import { DomainError } from '../../gateway/errors/domain-error.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import { ConversationStatsInput } from './conversation-stats.inputs.js';
import { ConversationStatsService, type ConversationStats } from './conversation-stats.service.js';
import { ConversationStatsType, LabelStatsType, StaffMemberStatsType } from './conversation-stats.type.js';
import { queryLabelStats, type LabelStats } from './label-stats-query.js';
import { assertPermissions } from '../../gateway/auth/auth-checker.js';

@Resolver(() => ConversationStatsType)
export class ConversationStatsResolver {
  @Authorized(Permission.READ_STATS)
  @Query(() => ConversationStatsType, {
    description: 'Conversation counts and response times of the pharmacy. Admins and pharmacists only.',
  })
  conversationStats(@Arg('input') input: ConversationStatsInput, @Ctx() context: RequestContext): Promise<ConversationStats> {
    // The service names the command's fields; here they are the `input` argument's.
    return new ConversationStatsService(context.scope).get(input).catch((error: unknown) => {
      throw error instanceof DomainError ? error.under('input') : error;
    });
  }

  @FieldResolver(() => [LabelStatsType], {
    description: "Every label of the pharmacy with its conversations (labels no thread carries show zeros), by name. Keys also need conversations:read, which reads labels.",
  })
  byLabel(@Root() stats: ConversationStats, @Ctx() context: RequestContext): Promise<LabelStats[]> {
    // stats:read alone says nothing of the pharmacy's labels.
    assertPermissions(context.viewer, [Permission.READ_LABELS]);
    return queryLabelStats(context.scope, stats);
  }
}

@Resolver(() => StaffMemberStatsType)
export class StaffMemberStatsResolver {
  @FieldResolver(() => StaffMemberType, {
    nullable: true,
    description: 'Null when the staff member has since been removed.',
  })
  staffMember(@Root() stats: StaffMemberStatsType, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    return context.loaders.staff.load(stats.staffId);
  }
}
