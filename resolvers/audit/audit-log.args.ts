import { ArgsType, Field, ID } from 'type-graphql';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { PaginationArgs } from '../pagination/pagination.args.js';

@ArgsType()
export class AuditLogArgs extends PaginationArgs {
  @Field(() => [AuditAction], { nullable: true })
  actions?: AuditAction[];

  @Field(() => ID, { nullable: true, description: 'Entries about this object, e.g. a conversation.' })
  objectId?: string;

  @Field(() => ID, { nullable: true, description: 'Entries by this staff member, customer or API key.' })
  actorId?: string;

  @Field(() => Date, { nullable: true, description: 'At or after this time.' })
  since?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this time.' })
  until?: Date;
}
