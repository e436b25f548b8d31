import net from 'node:net';

/**
 * A TCP relay to 127.0.0.1:`targetPort` that holds every chunk `delayMs` in each direction:
 * a database across a network, for measuring what a round trip costs where the gateway and
 * PostgreSQL are not on one host. Order is kept (timers of one delay fire in the order set).
 * The loopback has no netem here, so this is how the bench adds latency.
 */
export async function startDelayedLink(targetPort: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      // Without it Nagle's algorithm holds small writes for the peer's delayed ACK (40 ms).
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    const relay = (from: net.Socket, to: net.Socket) => from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
    relay(client, upstream);
    relay(upstream, client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
