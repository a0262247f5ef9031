import { createServer } from "node:net";

/**
 * A loopback TCP port that nothing listens on right now (bound, then released): free for a server
 * to listen on, and refused to anyone connecting to it.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A loopback port connections to are refused: the same port as {@link freePort}, named for what a test wants of it. */
export const closedPort = freePort;
