import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import { MessageType, stringifyMessage, type Context, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { SignedInViewer } from '../../auth/viewer.js';
import type { ReadAudit } from '../../audit/read-audit.js';
import type { RequestContext } from '../../context/request-context.js';
import { DomainError } from '../../errors/domain-error.js';
import { logger } from '../../logging/logger.js';
import { formatError, graphQLErrorOf } from '../../pipeline/format-error.js';
import { isAsyncIterable } from '../../pipeline/context-per-event.js';
import { contextOf, type OperationPipeline } from '../../pipeline/operation-pipeline.js';
import { SocketOperations, streamOf } from './socket-operations.js';
import { resultSender, sendingFramesDirectly, type FrameSink } from './direct-frames.js';

/** What a socket carries from its `connection_init` to its close (websocket-server.ts). */
export interface SocketState {
  viewer?: SignedInViewer;
  clientIp?: string;
  closed: boolean;
  cleanup: (() => void | Promise<void>)[];
  operations: SocketOperations;
  /** Shared by the socket's operations: each conversation's read is recorded once per socket. */
  reads?: ReadAudit;
}

export type SocketContext = Context<{ authorization?: unknown }, Extra & Partial<{ state: SocketState }>>;

type OperationHooks = Pick<ServerOptions<{ authorization?: unknown }, Extra & Partial<{ state: SocketState }>>, 'onSubscribe' | 'onComplete' | 'execute' | 'subscribe' | 'onNext' | 'onError'>;

/**
 * graphql-ws's operation hooks, as an adapter over the operation pipeline: each `subscribe`
 * message is admitted, charged, parsed and validated by the same steps as an HTTP request,
 * then executed or subscribed through the pipeline. What is the socket's own — one stream per
 * subscription and a cap on them (SocketOperations) — is decided here too, since only a socket
 * has it.
 */
export function socketPipeline(pipeline: OperationPipeline): OperationHooks {
  /** Per operation: whether graphql-ws still holds it open. */
  const stillOpen = new WeakMap<RequestContext, () => boolean>();
  /** Per operation: where its results can be sent without graphql-ws (direct-frames.ts). */
  const sinks = new WeakMap<RequestContext, FrameSink>();

  /**
   * Refused operations fail alone, with the codes Apollo uses over HTTP, instead of graphql-ws
   * closing the whole socket (4400) on a syntax error.
   */
  const prepare = async (ctx: SocketContext, id: string, payload: SubscribePayload, arrivedAt: number): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    const state = ctx.extra.state!;
    const viewer = state.viewer!;
    try {
      await pipeline.chargePartner(viewer);
    } catch (error) {
      if (error instanceof DomainError) return [graphQLErrorOf(error)];
      throw error;
    }
    const refused = pipeline.admit(payload, { partner: viewer.kind === 'partner' });
    if (refused) return [refused];
    const document = pipeline.documentOf(payload.query);
    if (Array.isArray(document)) return document;
    // After the last await: checking and admitting happen in one step, so two subscribes
    // of the same stream arriving together can't both stay.
    const stream = streamOf(pipeline.schema, document as ExecutionArgs['document'], payload.operationName, payload.variables);
    if (stream !== undefined) {
      const admission = state.operations.admit(id, stream);
      if ('refused' in admission) return [graphQLErrorOf(admission.refused)];
      if (admission.replaces !== undefined) completeFromServer(ctx, admission.replaces);
    }
    const contextValue = pipeline.contextFor(viewer, { clientIp: state.clientIp, reads: state.reads, arrival: { transport: 'websocket', at: arrivedAt } });
    stillOpen.set(contextValue, () => id in ctx.subscriptions);
    sinks.set(contextValue, sinkOf(ctx, id, pipeline));
    return { schema: pipeline.schema, document: document as ExecutionArgs['document'], operationName: payload.operationName, variableValues: payload.variables, contextValue };
  };

  return {
    onSubscribe: async (ctx, id, payload) => {
      const arrivedAt = performance.now();
      const { operations } = ctx.extra.state!;
      const taken = operations.begin(id, payload);
      const prepared = taken ? [graphQLErrorOf(taken)] : await prepare(ctx, id, payload, arrivedAt);
      if (Array.isArray(prepared)) {
        // Refused before it ran: graphql-ws calls no onComplete for it.
        if (!taken) operations.end(id, payload);
        pipeline.metrics?.refused('websocket', arrivedAt, payload, prepared);
      }
      return prepared;
    },
    // Every operation that ran ends here: finished, failed, completed by the client, or its socket closed.
    onComplete: (ctx, id, payload) => ctx.extra.state?.operations.end(id, payload),
    execute: (args) => pipeline.execute(args),
    subscribe: (args) => {
      // Completed, replaced or its socket closed while it waited its turn: graphql-ws would
      // drop it once set up, so don't set it up (a conversation check, a replay).
      const context = contextOf(args);
      if (stillOpen.get(context)?.() === false) return {};
      const sink = sinks.get(context);
      return pipeline.subscribe(args, sink && resultSender(sink)).then((started) => (sink && isAsyncIterable<ExecutionResult>(started) ? sendingFramesDirectly(started, sink) : started));
    },
    onNext: (_ctx, _id, _payload, _args, result) => {
      pipeline.metrics?.eventSent(result);
      return result.errors ? shapedResult(pipeline, result) : undefined;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
  };
}

function sinkOf(ctx: SocketContext, id: string, pipeline: OperationPipeline): FrameSink {
  const socket = ctx.extra.socket;
  return {
    id,
    // As graphql-ws's own sends: nothing to a socket that is closing; a failed write ends the socket anyway.
    send: (frame) => {
      if (socket.readyState === socket.OPEN) socket.send(frame);
    },
    sent: (result) => pipeline.metrics?.eventSent(result),
    shaped: (result) => shapedResult(pipeline, result),
  };
}

/** A result's errors as clients see them: Apollo's shaping, then ours. */
function shapedResult(pipeline: OperationPipeline, result: ExecutionResult): FormattedExecutionResult {
  return result.errors ? { ...result, errors: pipeline.shapeErrors(result.errors).map((error) => formatError(error.toJSON(), error)) } : result;
}

/**
 * Ends operation `id` from the server's side, the way a subscription that ran out ends: the
 * client gets `complete`. One still being set up is dropped by graphql-ws once ready, without
 * a word to the client, so the `complete` is sent here.
 */
function completeFromServer(ctx: SocketContext, id: string): void {
  const operations = ctx.subscriptions as Record<string, AsyncGenerator<unknown> | AsyncIterable<unknown> | null>;
  const operation = operations[id];
  if (operation && 'return' in operation && typeof operation.return === 'function') {
    operation.return(undefined).catch((error: unknown) => logger.warn({ err: error }, 'A replaced subscription did not end cleanly'));
    return;
  }
  delete operations[id];
  ctx.extra.socket.send(stringifyMessage({ id, type: MessageType.Complete }));
}
