import { Kind, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '../logging/logger.js';

/**
 * The operations the first-party clients (dashboard, widget) were built with, as codegen
 * wrote them to `persisted-documents.json` (hash → document). In production the gateway
 * runs only these for requests that are not a partner's: a stolen staff token can't be
 * used to send hand-written queries through the browser's credentials. Partners (API
 * keys) may send any operation, within the operation limits.
 */
export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();
  private readonly texts = new Set<string>();

  constructor(manifests: Record<string, string>[]) {
    for (const manifest of manifests) {
      for (const [hash, text] of Object.entries(manifest)) {
        this.byHash.set(hash, text);
        // Clients may send the bare hex digest or codegen's "sha256:" form.
        this.byHash.set(hash.replace(/^sha256:/, ''), text);
        this.texts.add(text);
      }
    }
  }

  /** Reads the manifests; a missing one is logged and leaves its client's documents untrusted. */
  static load(files: string[]): TrustedDocuments {
    const manifests: Record<string, string>[] = [];
    for (const file of files) {
      try {
        manifests.push(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
      } catch (error) {
        logger.error({ err: error, file: path.basename(file) }, 'Could not read a trusted-documents manifest');
      }
    }
    return new TrustedDocuments(manifests);
  }

  get size(): number {
    return this.texts.size;
  }

  /** The document registered under `hash`, if any. */
  documentFor(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  /** The names of the trusted documents' operations: the `operation` labels of metrics that are always their own. */
  operationNames(): string[] {
    const names = new Set<string>();
    for (const text of this.texts) {
      try {
        for (const definition of parse(text).definitions) {
          if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
        }
      } catch {
        // A manifest entry that doesn't parse is refused when sent anyway; it names nothing.
      }
    }
    return [...names];
  }

  /** Whether `query` is, character for character, one of the trusted documents. */
  isTrusted(query: unknown): boolean {
    return typeof query === 'string' && this.texts.has(query);
  }
}

/** A partner's request: its credential is an API key (checked right after, like any credential). */
export function isPartnerCredential(authorization: unknown): boolean {
  return typeof authorization === 'string' && /^Bearer\s+ccpk_/i.test(authorization.trim());
}
