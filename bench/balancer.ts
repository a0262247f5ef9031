import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP load balancer on loopback for `--replicas`: each new connection goes to the next API
 * process in turn (round robin), as a layer-4 balancer in front of replicas would send it. The
 * load generator keeps its connections open, so they spread evenly and stay put. Used for one
 * replica too, so 1+1 and 2+2 runs pay the same extra hop.
 */
export async function startBalancer(upstreamPorts: readonly number[]): Promise<{ port: number; close: () => Promise<void> }> {
  let next = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const port = upstreamPorts[next++ % upstreamPorts.length] ?? 0;
    const upstream = connect({ host: "127.0.0.1", port });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.once("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the balancer has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
