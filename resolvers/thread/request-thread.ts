import type { RequestContext } from '../../gateway/context/request-context.js';
import { ThreadService } from './thread.service.js';

const threads = new WeakMap<RequestContext, ThreadService>();

/** The request's (or subscription's) one ThreadService, made on first use over its tenant scope. */
export function threadOf(context: RequestContext): ThreadService {
  let thread = threads.get(context);
  if (!thread) threads.set(context, (thread = new ThreadService(context.scope, context.gateway.realtime.publisher, context.gateway.config.notifications.clock)));
  return thread;
}
