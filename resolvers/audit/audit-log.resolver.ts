import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AuditEvent } from '../../entities/audit-event.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { ActorUnion } from '../actor/actor.union.js';
import type { Page } from '../pagination/page.js';
import { toPageRequest } from '../pagination/pagination.args.js';
import { AuditEventConnectionType, AuditEventType } from './audit-event.type.js';
import { AuditLogArgs } from './audit-log.args.js';
import { AuditLogService } from './audit-log.service.js';

@Resolver(() => AuditEventType)
export class AuditLogResolver {
  @Authorized(Permission.READ_AUDIT_LOG)
  @Query(() => AuditEventConnectionType, { description: "The pharmacy's audit log, newest first (admins only). It can be read, never changed." })
  auditLog(@Args() args: AuditLogArgs, @Ctx() context: RequestContext): Promise<Page<AuditEvent>> {
    return new AuditLogService(context.scope).list(args, toPageRequest(args));
  }

  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Who did it; null when the account no longer exists.' })
  actor(@Root() entry: AuditEvent, @Ctx() context: RequestContext): Promise<Actor | null> | null {
    return entry.actorType && entry.actorId ? context.loaders.actors.load({ type: entry.actorType, id: entry.actorId }) : null;
  }
}
