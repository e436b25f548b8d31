import { InitialSchema1763780000000 } from './1763780000000-initial-schema.js';
import { AttachmentThumbnails1763790000000 } from './1763790000000-attachment-thumbnails.js';
import { WidgetIdentity1763800000000 } from './1763800000000-widget-identity.js';

/** In order. Listed explicitly so the build needs no file globbing at run time. */
export const migrations = [InitialSchema1763780000000, AttachmentThumbnails1763790000000, WidgetIdentity1763800000000];
