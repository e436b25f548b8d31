import path from 'node:path';
import { createFileStorage } from './create-file-storage.js';
import type { FileStorage } from './file-storage.js';
import { FileUrlSigner } from './file-url-signer.js';

/** Attachment bytes: where they are kept, where uploads land first, and who signs links to them. */
export interface GatewayFiles {
  storage: FileStorage;
  signer: FileUrlSigner;
  incomingDirectory: string;
}

/** Where files live: the storage driver's settings, DATA_DIR, and the URL links are signed for. */
export interface GatewayFilesOptions {
  storageEnv: Parameters<typeof createFileStorage>[0];
  dataDir: string;
  publicUrl: string;
}

export function createGatewayFiles(config: GatewayFilesOptions, secret: string): GatewayFiles {
  return {
    storage: createFileStorage(config.storageEnv, config.dataDir),
    signer: new FileUrlSigner(secret, config.publicUrl),
    incomingDirectory: path.join(config.dataDir, 'incoming'),
  };
}
