import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiProcessReady, createTestDatabase, freePort, spawnApiProcess, type AppProcess, type TestDatabase } from "@incidentops/testkit";

// Two API replicas on one database, restarted one after another (SIGTERM, then a new process on
// the same port) while a client keeps opening incidents, retrying a request only when its
// connection is refused (the replica is gone: nothing was sent) or reset before any answer (the
// kernel resets the connections still waiting in the listen queue when the replica closes its
// listener: the replica never read them). Not one is lost or duplicated: every incident's title
// is counted, so a retried request that had been read would show as a duplicate.

interface Replica {
  port: number;
  process: AppProcess;
}

let database: TestDatabase;
const replicas: Replica[] = [];

const urlOf = (replica: Replica) => `http://127.0.0.1:${replica.port}`;

const launch = (port: number): Replica => ({ port, process: spawnApiProcess(database, port, { AUTH_RATE_LIMIT_PER_MINUTE: "100000" }) });

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One request on a connection of its own; rejects with the socket error (ECONNREFUSED when nothing listens). */
function send(port: number, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent: false,
        headers: { ...(payload === undefined ? {} : { "content-type": "application/json" }), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown> }));
        // Cut after the answer began: the request was read, so this is never retried.
        res.on("error", (error) => reject(Object.assign(new Error(`answer cut: ${error.message}`), { code: "ANSWER_CUT" })));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}


/** The request never reached the replica's code: refused, or reset before any byte of an answer (send() rejects only then). */
const neverRead = (error: unknown) => ["ECONNREFUSED", "ECONNRESET"].includes(String((error as { code?: unknown }).code));

beforeAll(async () => {
  database = await createTestDatabase();
  for (const port of [await freePort(), await freePort()]) replicas.push(launch(port));
  for (const replica of replicas) await apiProcessReady(urlOf(replica), replica.process);
}, 120_000);

afterAll(async () => {
  for (const replica of replicas) {
    const { child, exited } = replica.process;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  }
  await database.drop();
});

describe("a rolling restart of two API replicas", () => {
  it("loses and duplicates no incident: requests in flight finish, new ones go to the replica still up", { timeout: 240_000 }, async () => {
    const first = replicas[0];
    if (first === undefined) throw new Error("no replica");
    const owner = await send(first.port, "POST", "/v1/auth/register", { email: "rolling@example.com", password: "correct horse battery", name: "Ops", orgName: "Ops" });
    expect(owner.status).toBe(201);
    const token = String(owner.body.accessToken);
    const service = await send(first.port, "POST", "/v1/org/services", { name: "checkout" }, token);
    const path = `/v1/services/${String(service.body.id)}/incidents`;

    let stop = false;
    const answers: { title: string; status: number }[] = [];
    let retries = 0;
    /** A client: opens incidents one after another, each on the next replica, moving on to the other when refused. */
    const client = async (name: string) => {
      for (let i = 0; !stop; i++) {
        const title = `${name}-${i}`;
        for (let tries = 0; ; tries++) {
          const replica = replicas[(i + tries) % replicas.length];
          if (replica === undefined) throw new Error("no replica");
          try {
            answers.push({ title, status: (await send(replica.port, "POST", path, { title }, token)).status });
            break;
          } catch (error) {
            // Never read by a replica, so trying again cannot duplicate (the titles below check it). Anything else is a lost request.
            if (!neverRead(error)) throw error;
            retries++;
            if (tries > 200) throw new Error(`${title}: every replica refused for too long`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }
      }
    };
    const clients = Promise.all(["a", "b", "c", "d"].map(client));

    // Each replica in turn: SIGTERM (it finishes what it has), exits cleanly, and a new one takes its port.
    for (const index of [0, 1, 0]) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const old = replicas[index];
      if (old === undefined) throw new Error("no replica");
      old.process.child.kill("SIGTERM");
      expect(await old.process.exited).toEqual({ code: 0, signal: null });
      const fresh = launch(old.port);
      replicas[index] = fresh;
      await apiProcessReady(urlOf(fresh), fresh.process);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stop = true;
    await clients;

    expect(answers.length).toBeGreaterThan(50);
    expect(retries).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    // Every answered request made exactly one incident; no other incident exists.
    const titles: string[] = [];
    for (let cursor: unknown = ""; typeof cursor === "string"; ) {
      const query = `serviceId=${String(service.body.id)}&limit=200${cursor === "" ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page = await send(first.port, "GET", `/v1/incidents?${query}`, undefined, token);
      titles.push(...(page.body.items as { title: string }[]).map((i) => i.title));
      cursor = page.body.nextCursor;
    }
    expect(titles.sort()).toEqual(answers.map((a) => a.title).sort());
  });
});
