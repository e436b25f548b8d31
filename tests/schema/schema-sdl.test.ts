import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { buildCounterchatSchema, printCounterchatSchema } from '../../schema/build-schema.js';

describe('the checked-in schema', () => {
  it('matches what the resolvers build (run `npm run schema:write` after changing them)', async () => {
    const checkedIn = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printCounterchatSchema(await buildCounterchatSchema())).toBe(checkedIn);
  });
});
