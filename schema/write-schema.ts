import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildCounterchatSchema, printCounterchatSchema } from './build-schema.js';

/** `npm run schema:write`: regenerates the checked-in SDL that clients and codegen read. */
const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
await writeFile(target, printCounterchatSchema(await buildCounterchatSchema()));
console.log(`Wrote ${target}`);
