import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Customer } from '../../entities/customer.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Page } from '../pagination/page.js';
import { PaginationArgs, toPageRequest } from '../pagination/pagination.args.js';
import { CustomerConnectionType } from './customer-connection.type.js';
import { CreateCustomerInput, UpdateCustomerInput } from './customer.inputs.js';
import { CustomerService } from './customer.service.js';
import { CustomerBlockingService } from './customer-blocking.service.js';
import { CustomerType } from './customer.type.js';

@ArgsType()
class CustomersArgs extends PaginationArgs {
  @Field({ nullable: true, description: 'Part of the name (3+ characters match anywhere in it, shorter ones its start) or the start of the phone number.' })
  @MaxLength(100)
  search?: string;
}

const service = (context: RequestContext) => new CustomerService(context.scope);

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Authorized(Permission.READ_CUSTOMERS)
  @Query(() => CustomerConnectionType, {
    description: 'Alphabetical. With `search`, matches at the start of the name or phone number come first.',
  })
  customers(@Args() args: CustomersArgs, @Ctx() context: RequestContext): Promise<Page<Customer>> {
    return service(context).list(args.search, toPageRequest(args));
  }

  @Authorized(Permission.READ_CUSTOMERS)
  @Query(() => CustomerType, { description: 'NOT_FOUND for ids of other pharmacies, exactly as for ids that do not exist.' })
  customer(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Customer> {
    return service(context).get(id);
  }

  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => CustomerType, { description: 'A phone number is normalized to E.164; an externalId must be unique within the pharmacy (CONFLICT otherwise).' })
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return service(context).create(input);
  }

  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => CustomerType, {
    description:
      "Changes a customer's profile: only the fields given; null clears an optional one. Recorded in the audit log (which fields, not their values). CONFLICT for another customer's externalId.",
  })
  updateCustomer(@Arg('input') input: UpdateCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return service(context).update(input);
  }

  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => CustomerType, {
    description:
      'Blocks a customer: their chat tokens and widget sessions stop working and their open sockets close at once; nothing is deleted. Audited. Blocking a blocked customer changes nothing.',
  })
  blockCustomer(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<Customer> {
    return new CustomerBlockingService(context.scope, context.gateway.realtime.publisher).block(customerId);
  }

  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => CustomerType, { description: 'Lifts a block. Links from before the block stay revoked: send a new chat link. Audited.' })
  unblockCustomer(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<Customer> {
    return new CustomerBlockingService(context.scope, context.gateway.realtime.publisher).unblock(customerId);
  }
}
