import type { RequestContext } from '../../gateway/context/request-context.js';
import { threadOf } from '../thread/request-thread.js';
import { CallService } from './call.service.js';

const services = new WeakMap<RequestContext, CallService>();

/** The request's (or subscription's) one CallService, over its tenant scope. */
export function callServiceOf(context: RequestContext): CallService {
  let service = services.get(context);
  if (!service) {
    service = new CallService(context.scope, threadOf(context), context.gateway.realtime.publisher, context.gateway.config.calls);
    services.set(context, service);
  }
  return service;
}
