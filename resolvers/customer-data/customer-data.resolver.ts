import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { threadOf } from '../thread/request-thread.js';
import { CustomerDataService, type CustomerDataExport, type CustomerErasure } from './customer-data.service.js';
import { CustomerDataExportType, CustomerErasureType } from './customer-data.types.js';

const service = (context: RequestContext) =>
  new CustomerDataService(context.scope, threadOf(context), context.gateway.realtime.publisher, context.gateway.files);

@Resolver()
export class CustomerDataResolver {
  @Authorized(Permission.MANAGE_CUSTOMER_DATA)
  @Mutation(() => CustomerDataExportType, { description: 'Everything held about a customer, for their request of access (admins). Recorded in the audit log.' })
  exportCustomerData(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<CustomerDataExport> {
    return service(context).export(customerId);
  }

  @Authorized(Permission.MANAGE_CUSTOMER_DATA)
  @Mutation(() => CustomerErasureType, {
    description: "Erases a customer's messages, files and contact details on their request (admins); their chat links and widget sessions stop working. Irreversible; recorded in the audit log.",
  })
  eraseCustomer(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<CustomerErasure> {
    return service(context).erase(customerId);
  }
}
