import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import "./index.css";
import { createApiClient } from "./lib/trpc";
import { SessionManager, sessionTabs, webLock } from "./lib/session";
import { fetchSessionTransport } from "./lib/session-transport";

const session = new SessionManager(fetchSessionTransport(), { lock: webLock, tabs: sessionTabs() });
const client = createApiClient(session);
const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");

// The app's screens wait for the cookie to be tried (signed in, or the sign-in page); meanwhile
// the app says it is connecting, and why it is taking a while.
createRoot(root).render(
  <StrictMode>
    <App session={session} client={client} />
  </StrictMode>,
);
void session.restore();
