import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context/request-context.js';
import type { OperationPipeline } from '../../pipeline/operation-pipeline.js';

/**
 * Apollo executes HTTP operations itself, so the pipeline's one transaction per query
 * (`OperationPipeline.transactionFor`) is opened when execution starts and ended when it
 * ends: Apollo calls `executionDidEnd` after success and after failure alike, and waits for
 * it before answering. A client that goes away meanwhile changes nothing: execution runs to
 * its end, and so does the transaction. Requests that fail before execution (parse,
 * validation, credentials) never open one.
 */
export function oneTransactionPerOperation(pipeline: OperationPipeline): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          const close = pipeline.transactionFor(contextValue, operation.operation);
          return { executionDidEnd: () => close() };
        },
      };
    },
  };
}
