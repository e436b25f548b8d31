import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Participant } from '../../entities/participant.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { ActorUnion } from '../actor/actor.union.js';
import { ParticipantType } from './participant.type.js';

@Resolver(() => ParticipantType)
export class ParticipantFieldsResolver {
  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Null if the account no longer exists.' })
  actor(@Root() participant: Participant, @Ctx() context: RequestContext): Promise<Actor | null> {
    return context.loaders.actors.load({ type: participant.actorType, id: participant.actorId });
  }
}
