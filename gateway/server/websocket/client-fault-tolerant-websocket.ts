import { WebSocket } from 'ws';
import { logger } from '../../logging/logger.js';

/**
 * The server side of one socket. ws reports a client's protocol violation (a frame over
 * `maxPayload`, invalid UTF-8, a bad opcode) as an `error` event after it has already
 * closed the socket with the right code (1009, 1007, 1002). graphql-ws takes any socket
 * `error` for a fault of ours: it prints "Internal error emitted on a WebSocket socket" to
 * the console and tries to close with 1011. These are the client's mistakes, so they are
 * logged as such and not passed on.
 */
export class ClientFaultTolerantWebSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const [error] = args;
    if (event === 'error' && isClientProtocolError(error)) {
      logger.debug({ code: error.code }, 'Closed a WebSocket that broke the protocol');
      return true;
    }
    return super.emit(event, ...args);
  }
}

/** ws's own codes for what it found wrong in the client's frames. */
function isClientProtocolError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('WS_ERR_');
}
