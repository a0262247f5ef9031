import { EventSource } from "eventsource";
import { fetch as undiciFetch } from "undici";
import { createApiClient } from "../src/lib/trpc";
import { SessionManager, type CrossTabLock } from "../src/lib/session";
import { fetchSessionTransport } from "../src/lib/session-transport";

// What a browser gives the app, for tests on Node: a cookie jar that keeps what the API sets and
// sends it back where its Path allows (httpOnly cookies included: the browser sends those too,
// scripts just cannot read them), and the network (undici's fetch, even under a DOM environment).

export type Fetch = typeof fetch;

export interface CookieJar {
  fetch: Fetch;
  /** The cookies kept, by name (for assertions). */
  cookies: Map<string, { value: string; path: string }>;
  /** Requests sent, by path. */
  sent: string[];
}

export function cookieJar(): CookieJar {
  const cookies = new Map<string, { value: string; path: string }>();
  const sent: string[] = [];
  const jarFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    sent.push(url.pathname);
    const headers = new Headers(init.headers);
    const matching = [...cookies].filter(([, c]) => url.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`);
    if (matching.length > 0) headers.set("cookie", matching.join("; "));
    const res = (await undiciFetch(url, { ...(init as object), headers } as Parameters<typeof undiciFetch>[1])) as unknown as Response;
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expired = attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === "";
      if (expired) cookies.delete(name);
      else cookies.set(name, { value, path });
    }
    return res;
  };
  return { fetch: jarFetch, cookies, sent };
}

/** One tab's session and API client on `baseUrl`, sharing `jar` with other tabs of the same browser. */
export function browserTab(baseUrl: string, jar: CookieJar, lock?: CrossTabLock) {
  const session = new SessionManager(fetchSessionTransport({ baseUrl, fetch: jar.fetch }), lock === undefined ? {} : { lock });
  const client = createApiClient(session, { baseUrl, fetch: jar.fetch, EventSource: EventSource as unknown as typeof globalThis.EventSource });
  return { session, client };
}

/** A lock the tabs of one test share, as the Web Locks API does between a browser's tabs. */
export function sharedLock(): CrossTabLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * An EventSource whose streams reach the app with each chunk of text passed through `edit` (as
 * an API of another version would send them), over `fetch`; `opened` counts the streams opened.
 */
export function editingEventSource(fetch: Fetch, edit: (chunk: string) => string) {
  const editing = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await fetch(input, init);
    const edited = res.body
      ?.pipeThrough(new TextDecoderStream())
      .pipeThrough(new TransformStream<string, string>({ transform: (chunk, out) => out.enqueue(edit(chunk)) }))
      .pipeThrough(new TextEncoderStream());
    return new Response(edited, { status: res.status, headers: res.headers });
  };
  const opened = { count: 0 };
  const Source = class extends EventSource {
    constructor(url: string | URL, init?: ConstructorParameters<typeof EventSource>[1]) {
      super(url, { ...init, fetch: editing });
      opened.count++;
    }
  };
  return { EventSource: Source as unknown as typeof globalThis.EventSource, opened };
}
