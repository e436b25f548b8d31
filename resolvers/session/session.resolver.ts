import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { forbidden } from '../../gateway/errors/domain-error.js';
import { DeviceSessionType } from './device-session.type.js';
import { MySessionsService } from './my-sessions.service.js';

function service(context: RequestContext): MySessionsService {
  const viewer = context.signedInViewer;
  // MANAGE_OWN_ACCOUNT is staff's alone; a staff token always names its session.
  if (viewer.kind !== 'staff' || !viewer.sessionId) throw forbidden('Only staff have sessions.');
  return new MySessionsService(context.scope, { staffId: viewer.staffId, sessionId: viewer.sessionId }, context.gateway.sessions);
}

@Resolver(() => DeviceSessionType)
export class SessionResolver {
  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Query(() => [DeviceSessionType], { description: 'Where you are signed in: your open sessions, most recently used first.' })
  async mySessions(@Ctx() context: RequestContext): Promise<DeviceSessionType[]> {
    const current = (context.signedInViewer as { sessionId?: string }).sessionId;
    return (await service(context).list()).map((session) => ({ ...session, current: session.id === current }));
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => Boolean, { description: 'Ends one of your sessions: its token stops working and its open pages are signed out at once.' })
  endSession(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<boolean> {
    return service(context).end(id);
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => Int, { description: '"Sign out everywhere else": ends every session but this one; returns how many ended. Sign out ends this one.' })
  endAllMySessions(@Ctx() context: RequestContext): Promise<number> {
    return service(context).endOthers();
  }

  @Authorized(Permission.MANAGE_OWN_ACCOUNT)
  @Mutation(() => Boolean, { description: 'Ends this session: its token stops working on every gateway instance.' })
  signOut(@Ctx() context: RequestContext): Promise<boolean> {
    return service(context).signOut();
  }
}
