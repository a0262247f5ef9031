import type { Server } from "node:http";
import type { Socket } from "node:net";

/** How long, while draining, a connection that has sent no request yet may take to send one. */
const FIRST_REQUEST_GRACE_MS = 2_000;

interface ConnectionState {
  openedAt: number;
  inFlight: number;
  served: number;
}

/**
 * Tracks the server's connections so a shutdown can close the idle ones without dropping a
 * request: Node's `closeIdleConnections` also closes a connection accepted a moment ago whose
 * request has not been read yet, which its client sees as a reset after sending. Here a
 * connection is closed while draining once it has answered its requests (responses then carry
 * `Connection: close` anyway), or once it has stayed silent for FIRST_REQUEST_GRACE_MS.
 */
export function trackConnections(server: Server) {
  const connections = new Map<Socket, ConnectionState>();
  server.on("connection", (socket: Socket) => {
    connections.set(socket, { openedAt: Date.now(), inFlight: 0, served: 0 });
    socket.once("close", () => connections.delete(socket));
  });
  server.on("request", (req, res) => {
    const state = connections.get(req.socket);
    if (state === undefined) return;
    state.inFlight++;
    res.once("close", () => {
      state.inFlight--;
      state.served++;
    });
  });
  return {
    /** Closes each connection with nothing in flight that has been served or has had its chance to send a request. */
    closeIdle(now = Date.now()): void {
      for (const [socket, state] of connections) {
        const silentTooLong = state.served === 0 && now - state.openedAt >= FIRST_REQUEST_GRACE_MS;
        if (state.inFlight === 0 && (state.served > 0 || silentTooLong)) socket.destroy();
      }
    },
  };
}
