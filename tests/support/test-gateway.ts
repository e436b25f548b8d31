import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { readConfig } from '../../gateway/config.js';
import { createDataSource, queryCounterOf } from '../../gateway/database/data-source.js';
import type { QueryCounter } from '../../gateway/database/query-counter.js';
import { startGateway } from '../../gateway/server.js';
import { createThrowawayDatabase } from './test-database.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestGateway {
  url: string;
  dataSource: DataSource;
  tokens: TokenIssuer;
  queries: QueryCounter;
  /** POSTs a GraphQL operation; `token` goes into `Authorization: Bearer`. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  dispose(): Promise<void>;
}

/** A gateway on a free port over a fresh database, as production wires it. */
export async function startTestGateway(): Promise<TestGateway> {
  const database = await createThrowawayDatabase();
  const dataSource = createDataSource(database.url);
  await dataSource.initialize();
  const tokens = new TokenIssuer(randomBytes(32).toString('base64url'));
  const config = { ...readConfig({}), port: 0 };
  const gateway = await startGateway({ config, dataSource, tokens });
  return {
    url: gateway.url,
    dataSource,
    tokens,
    queries: queryCounterOf(dataSource),
    async graphql(query, variables, token) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body };
    },
    async dispose() {
      await gateway.dispose();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
