import path from 'node:path';
import type { GatewayConfig } from '../config.js';
import { createFileStorage } from './create-file-storage.js';
import type { FileStorage } from './file-storage.js';
import { FileUrlSigner } from './file-url-signer.js';

/** Attachment bytes: where they are kept, where uploads land first, and who signs links to them. */
export interface GatewayFiles {
  storage: FileStorage;
  signer: FileUrlSigner;
  incomingDirectory: string;
}

export function createGatewayFiles(config: GatewayConfig, secret: string): GatewayFiles {
  return {
    storage: createFileStorage(config.storageEnv, config.dataDir),
    signer: new FileUrlSigner(secret, config.publicUrl),
    incomingDirectory: path.join(config.dataDir, 'incoming'),
  };
}
