import { InitialSchema1763780000000 } from './1763780000000-initial-schema.js';
import { AttachmentThumbnails1763790000000 } from './1763790000000-attachment-thumbnails.js';
import { ApiKeyScopes1763810000000 } from './1763810000000-api-key-scopes.js';
import { Webhooks1763811000000 } from './1763811000000-webhooks.js';

/** In order. Listed explicitly so the build needs no file globbing at run time. */
export const migrations = [InitialSchema1763780000000, AttachmentThumbnails1763790000000, ApiKeyScopes1763810000000, Webhooks1763811000000];
