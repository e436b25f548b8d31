import type { ContextFunction } from '@apollo/server';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import type { RequestContext } from '../../context/request-context.js';
import { DomainError, unauthenticated } from '../../errors/domain-error.js';
import type { OperationPipeline } from '../../pipeline/operation-pipeline.js';
import { bindTenant } from '../../tenancy/tenant-context.js';

/**
 * Apollo's context function, as an adapter over the operation pipeline: the viewer, the
 * tenant and the partner rate limit for an HTTP request. Admission ran before Apollo (the
 * trusted-documents middleware, which also rewrites GET query strings); parsing and
 * validation run inside Apollo with the pipeline's `limits`. Failures here fail the whole
 * request with the HTTP status they call for.
 */
export function graphqlContext(pipeline: OperationPipeline): ContextFunction<[ExpressContextFunctionArgument], RequestContext> {
  return async ({ req }) => {
    const arrivedAt = performance.now();
    let viewer;
    try {
      viewer = await pipeline.authenticate(req.headers.authorization);
    } catch (error) {
      // A bad credential is 401, before any resolver runs; an unavailable database keeps its 503.
      if (error instanceof DomainError && !error.extensions.http) throw unauthenticated(error.message).withHttpStatus(401);
      throw error;
    }
    // The request's database tenant (row-level security), in the slot opened when it arrived.
    const tenant = pipeline.tenantOf(viewer);
    if (tenant) bindTenant(tenant);
    try {
      await pipeline.chargePartner(viewer);
    } catch (error) {
      // The whole request is refused, as HTTP says: 429 with the wait.
      if (error instanceof DomainError) throw error.withHttpStatus(429);
      throw error;
    }
    return pipeline.contextFor(viewer, { clientIp: req.ip, userAgent: req.get('user-agent'), arrival: { transport: 'http', at: arrivedAt } });
  };
}
