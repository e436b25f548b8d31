import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLError, locatedError } from 'graphql';
import { badUserInput, rateLimited, unauthenticated } from '../../../gateway/errors/domain-error.js';
import { formatError, graphQLErrorOf } from '../../../gateway/pipeline/format-error.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** What graphql-js and Apollo hand formatError: the located error, and its JSON form. */
const format = (error: GraphQLError) => formatError(error.toJSON(), error);

describe('formatError with domain errors', () => {
  it('shows a domain error thrown by a resolver with its code and field, and nothing else', () => {
    const thrown = locatedError(badUserInput('replyToId', 'You can only reply to a message in the same conversation.'), undefined, ['sendMessage']);
    expect(format(thrown)).toEqual({
      message: 'You can only reply to a message in the same conversation.',
      path: ['sendMessage'],
      extensions: { code: 'BAD_USER_INPUT', field: 'replyToId' },
    });
  });

  it("shows one the context function threw with its own words, not Apollo's prefix, and keeps the status out of the extensions", () => {
    const wrapped = new GraphQLError('Context creation failed: The API key is not valid.', {
      originalError: unauthenticated('The API key is not valid.').withHttpStatus(401),
    });
    expect(format(wrapped)).toEqual({ message: 'The API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('shows one a transport wrapped for graphql-ws with its details', () => {
    expect(format(graphQLErrorOf(rateLimited('Slow down.', 7)))).toEqual({ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', retryAfter: 7 } });
  });

  it('masks anything else', () => {
    const thrown = locatedError(new Error('relation "secret" does not exist'), undefined, ['conversations']);
    expect(format(thrown)).toEqual({
      message: 'Something went wrong on our side. Please try again.',
      path: ['conversations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('a domain error that fails a whole HTTP request', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway?.dispose());

  it('answers with its status and exactly its message and code', async () => {
    const response = await gateway.graphql(`{ viewer { kind } }`, {}, 'ccpk_unknown');
    expect(response).toEqual({ status: 401, errors: [{ message: 'The API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
