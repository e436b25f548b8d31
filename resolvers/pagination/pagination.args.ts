import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { PageRequest } from './page-request.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay arguments. Page forward with first/after, backward with last/before. */
@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { nullable: true, description: `At most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true })
  before?: string;
}

export function toPageRequest(args: PaginationArgs, defaultDirection: PageRequest['direction'] = 'forward'): PageRequest {
  const forward = args.first !== undefined && args.first !== null;
  const backward = args.last !== undefined && args.last !== null;
  // An empty string is a (bad) cursor, not "no cursor": it is rejected when decoded.
  const after = args.after ?? undefined;
  const before = args.before ?? undefined;
  if (forward && backward) throw badUserInput('last', 'Pass either "first" or "last", not both.');
  if ((forward || (!backward && defaultDirection === 'forward')) && before !== undefined) {
    throw badUserInput('before', '"before" pages backward: combine it with "last".');
  }
  if ((backward || (!forward && defaultDirection === 'backward')) && after !== undefined) {
    throw badUserInput('after', '"after" pages forward: combine it with "first".');
  }
  if (forward) return { direction: 'forward', limit: args.first!, cursor: after };
  if (backward) return { direction: 'backward', limit: args.last!, cursor: before };
  return defaultDirection === 'forward'
    ? { direction: 'forward', limit: DEFAULT_PAGE_SIZE, cursor: after }
    : { direction: 'backward', limit: DEFAULT_PAGE_SIZE, cursor: before };
}
