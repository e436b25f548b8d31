import { beforeAll, describe, expect, it } from '@jest/globals';
import type { GatewayDependencies } from '../../../gateway/context/request-context.js';
import { OperationPipeline } from '../../../gateway/pipeline/operation-pipeline.js';
import { TrustedDocuments } from '../../../gateway/pipeline/trusted-documents.js';
import { buildCounterchatSchema } from '../../../schema/build-schema.js';

/**
 * `documentOf` keeps the documents that passed parsing and validation: the thousands of
 * identical `subscribe` messages of a reconnect storm are validated once. What it refuses
 * it refuses every time.
 */
let pipeline: OperationPipeline;

beforeAll(async () => {
  const deps = { config: { production: false }, realtime: { bus: { originOf: () => undefined } } } as unknown as GatewayDependencies;
  pipeline = new OperationPipeline(await buildCounterchatSchema(), deps, new TrustedDocuments([]));
});

describe('documents that passed validation', () => {
  it('are the same document the next time the same text arrives', () => {
    const query = 'subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind } }';
    const first = pipeline.documentOf(query);
    expect(Array.isArray(first)).toBe(false);
    expect(pipeline.documentOf(query)).toBe(first);
  });

  it('are kept only when valid: an invalid text is refused again, with its code', () => {
    const query = '{ viewer { nope } }';
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = pipeline.documentOf(query) as readonly { extensions: { code?: unknown } }[];
      expect(Array.isArray(refused)).toBe(true);
      expect(refused[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
