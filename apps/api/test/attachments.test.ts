import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { DeleteObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import type { Attachment, Page } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  closedPort,
  aService,
  aUserWithRole,
  countRows,
  expectError,
  fieldsOf,
  listEvents,
  startTestApi,
  useStarted,
  useTestApi,
  type Account,
  type TestApi,
} from "@incidentops/testkit";
import { downloadAttachment, PNG_1X1, storedFiles, uploadAttachment } from "./support/attachments.js";
import { S3_TEST_BUCKET, S3_TEST_CREDENTIALS, startS3Server } from "./support/s3.js";

// Attachments: evidence kept out of the database, in a directory under the data dir (the
// default) or an S3-compatible bucket (s3rver on loopback here).

const MAX_BYTES = 64 * 1024;
const api = useTestApi({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** Where the filesystem store keeps an attachment's bytes (its key is in the database only). */
async function bytesPathOf(testApi: TestApi, attachmentId: string): Promise<string> {
  const storage = testApi.config.attachments.storage;
  if (storage.kind !== "filesystem") throw new Error("not the filesystem store");
  const row = await testApi.db.selectFrom("incident_attachments").select("storage_key").where("id", "=", attachmentId).executeTakeFirstOrThrow();
  return join(storage.dir, row.storage_key);
}

let owner: Account;
let member: Account;
let otherMember: Account;
let viewer: Account;
let incidentId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Evidence Org" });
  [member, otherMember, viewer] = await Promise.all([
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "viewer"),
  ]);
  incidentId = (await anIncident(api.current, owner.accessToken, (await aService(api.current, owner.accessToken)).id)).id;
});

describe("uploads and downloads (filesystem store)", () => {
  it("stores the bytes under the data dir, with the type sniffed from them, and serves them back as an attachment", async () => {
    const res = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "evidence.txt", bytes: PNG_1X1, type: "text/plain" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const attachment = res.body;
    expect(attachment).toMatchObject({
      incidentId,
      fileName: "evidence.txt",
      contentType: "image/png",
      sizeBytes: PNG_1X1.length,
      sha256: sha256(PNG_1X1),
      uploadedBy: member.user.id,
      downloadPath: `/v1/incidents/${incidentId}/attachments/${attachment.id}`,
    });
    expect(existsSync(await bytesPathOf(api.current, attachment.id))).toBe(true);

    const download = await downloadAttachment(api.current, viewer.accessToken, attachment);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG_1X1);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("content-disposition")).toBe("attachment; filename=evidence.txt");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");

    const list = await api.current.request<Page<Attachment>>("GET", `/v1/incidents/${incidentId}/attachments`, { token: viewer.accessToken });
    expect(list.body.items.map((a) => a.id)).toContain(attachment.id);
    const added = (await listEvents(api.current, owner.accessToken, incidentId)).find((e) => e.kind === "attachment_added" && e.data.attachmentId === attachment.id);
    expect(added?.data).toEqual({ attachmentId: attachment.id, fileName: "evidence.txt", contentType: "image/png", sizeBytes: PNG_1X1.length });
  });

  it("never trusts the declared type: HTML named .png is plain text, unknown bytes are octet-stream", async () => {
    const html = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "screenshot.png", bytes: "<html><script>alert(1)</script></html>", type: "image/png" });
    expect(html.body.contentType).toBe("text/plain; charset=utf-8");
    const download = await downloadAttachment(api.current, member.accessToken, html.body);
    expect(download.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const binary = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "core.dump", bytes: Uint8Array.from([0, 1, 2, 254, 255, 0, 7]) });
    expect(binary.body.contentType).toBe("application/octet-stream");
    const log = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "app.log", bytes: "2025-03-14 ERROR pool exhausted\n\tat Pool.acquire\n" });
    expect(log.body.contentType).toBe("text/plain; charset=utf-8");
  });

  it("keeps a sanitised name: no path, no control or direction characters, non-ASCII sent as RFC 6266 filename*", async () => {
    const cases: [string, string][] = [
      ["../../etc/passwd", "passwd"],
      ["C:\\Users\\ada\\report\u202Egnp.exe", "reportgnp.exe"],
      ["..", "attachment"],
      ["Störung.log", "Störung.log"],
    ];
    for (const [given, kept] of cases) {
      const res = await uploadAttachment(api.current, member.accessToken, incidentId, { name: given, bytes: "x" });
      expect(res.body.fileName, `${given}: ${res.status} ${JSON.stringify(res.body)}`).toBe(kept);
    }
    // Control characters cannot travel raw in a part's headers, but can percent-encoded (RFC 5987).
    const raw = [
      "--b0undary",
      "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''tab%09and%07bell%0A.txt",
      "Content-Type: text/plain",
      "",
      "x",
      "--b0undary--",
      "",
    ].join("\r\n");
    const encoded = await fetch(`${api.current.baseUrl}/v1/incidents/${incidentId}/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${member.accessToken}`, "content-type": "multipart/form-data; boundary=b0undary" },
      body: raw,
    });
    expect(encoded.status).toBe(201);
    expect(((await encoded.json()) as Attachment).fileName).toBe("tabandbell.txt");

    const unicode = (await api.current.request<Page<Attachment>>("GET", `/v1/incidents/${incidentId}/attachments?limit=200`, { token: member.accessToken })).body.items.find(
      (a) => a.fileName === "Störung.log",
    );
    if (unicode === undefined) throw new Error("no Störung.log");
    const download = await downloadAttachment(api.current, member.accessToken, unicode);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="St?rung.log"; filename*=UTF-8''St%C3%B6rung.log`);
  });

  it("says the limit (GET /v1/attachments/limits) to anyone in the org, so a client can check a file before sending it", async () => {
    const res = await api.current.request("GET", "/v1/attachments/limits", { token: member.accessToken });
    expect(res.body).toEqual({ maxBytes: MAX_BYTES });
    expectError(await api.current.request("GET", "/v1/attachments/limits"), 401, "UNAUTHORIZED");
  });

  it("refuses a file over ATTACHMENT_MAX_BYTES with 413 as it streams, keeping nothing; exactly the limit is fine", async () => {
    const before = { rows: await countRows(api.current.db, "incident_attachments", { incident_id: incidentId }), files: (await storedFiles(api.current)).length };
    const over = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "big.bin", bytes: Buffer.alloc(MAX_BYTES + 1, 1) });
    expect(expectError(over, 413, "PAYLOAD_TOO_LARGE").details).toEqual({ limitBytes: MAX_BYTES });
    expect(await countRows(api.current.db, "incident_attachments", { incident_id: incidentId })).toBe(before.rows);
    expect(await storedFiles(api.current)).toHaveLength(before.files);
    const exact = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "exact.bin", bytes: Buffer.alloc(MAX_BYTES, 1) });
    expect(exact.status).toBe(201);
    expect(exact.body.sizeBytes).toBe(MAX_BYTES);
  });

  it("refuses a declared body far over the limit before reading it", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${api.current.baseUrl}/v1/incidents/${incidentId}/attachments`, {
        method: "POST",
        headers: { authorization: `Bearer ${member.accessToken}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(100 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("--x\r\n");
    });
    expect(status).toBe(413);
  });

  it("refuses a body that is not multipart (415), without a `file` field or with an empty file (400)", async () => {
    const json = await api.current.request("POST", `/v1/incidents/${incidentId}/attachments`, { token: member.accessToken, body: { file: "x" } });
    expectError(json, 415, "UNSUPPORTED_MEDIA_TYPE");
    const wrongField = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "a.txt", bytes: "x", field: "upload" });
    expect(fieldsOf(expectError(wrongField, 400, "VALIDATION_FAILED"))).toEqual({ file: ["required"] });
    const empty = await uploadAttachment(api.current, member.accessToken, incidentId, { name: "empty.txt", bytes: "" });
    expect(fieldsOf(expectError(empty, 400, "VALIDATION_FAILED"))).toEqual({ file: ["is empty"] });
  });
});

describe("deleting", () => {
  it("lets the uploader and an admin delete (row, timeline, bytes), refuses another member and a viewer", async () => {
    const mine = (await uploadAttachment(api.current, member.accessToken, incidentId, { name: "mine.txt", bytes: "mine" })).body;
    const path = await bytesPathOf(api.current, mine.id);
    for (const token of [otherMember.accessToken, viewer.accessToken]) {
      const refused = await api.current.request("DELETE", `/v1/incidents/${incidentId}/attachments/${mine.id}`, { token });
      expectError(refused, 403, "FORBIDDEN");
      expect(existsSync(path)).toBe(true);
    }
    const deleted = await api.current.request("DELETE", `/v1/incidents/${incidentId}/attachments/${mine.id}`, { token: member.accessToken });
    expect(deleted.body).toEqual({ ok: true });
    expect(existsSync(path)).toBe(false);
    expect(await countRows(api.current.db, "incident_attachments", { id: mine.id })).toBe(0);
    expect((await downloadAttachment(api.current, member.accessToken, mine)).status).toBe(404);
    const events = await listEvents(api.current, owner.accessToken, incidentId);
    expect(events.find((e) => e.kind === "attachment_deleted" && e.data.attachmentId === mine.id)?.actorUserId).toBe(member.user.id);

    const theirs = (await uploadAttachment(api.current, otherMember.accessToken, incidentId, { name: "theirs.txt", bytes: "theirs" })).body;
    const byAdmin = await api.current.request("DELETE", `/v1/incidents/${incidentId}/attachments/${theirs.id}`, { token: owner.accessToken });
    expect(byAdmin.status).toBe(200);
    expect((await downloadAttachment(api.current, otherMember.accessToken, theirs)).status).toBe(404);
  });

  it("refuses a viewer's upload", async () => {
    const res = await uploadAttachment(api.current, viewer.accessToken, incidentId, { name: "a.txt", bytes: "x" });
    expectError(res, 403, "FORBIDDEN");
  });
});

describe("tenancy", () => {
  it("answers another org's incident or attachment like a missing one: 404 on upload, list, download and delete", async () => {
    const attachment = (await uploadAttachment(api.current, member.accessToken, incidentId, { name: "secret.txt", bytes: "secret" })).body;
    const stranger = await anOrgOwner(api.current);
    const token = stranger.accessToken;
    const expectSame = (foreign: { status: number; body: unknown }, missing: { status: number; body: unknown }) => {
      expect(foreign.status).toBe(404);
      const strip = (body: unknown) => ({ ...(body as Record<string, unknown>), traceId: undefined });
      expect(strip(foreign.body)).toEqual(strip(missing.body));
    };
    expectSame(
      await uploadAttachment(api.current, token, incidentId, { name: "x.txt", bytes: "x" }),
      await uploadAttachment(api.current, token, randomUUID(), { name: "x.txt", bytes: "x" }),
    );
    expectSame(
      await api.current.request("GET", `/v1/incidents/${incidentId}/attachments`, { token }),
      await api.current.request("GET", `/v1/incidents/${randomUUID()}/attachments`, { token }),
    );
    const downloadJson = async (path: string) => {
      const res = await fetch(`${api.current.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body: unknown = await res.json();
      return { status: res.status, body };
    };
    expectSame(await downloadJson(attachment.downloadPath), await downloadJson(`/v1/incidents/${incidentId}/attachments/${randomUUID()}`));
    expectSame(
      await api.current.request("DELETE", `/v1/incidents/${incidentId}/attachments/${attachment.id}`, { token }),
      await api.current.request("DELETE", `/v1/incidents/${incidentId}/attachments/${randomUUID()}`, { token }),
    );
    // Another incident of the same org does not reach it either.
    const sibling = await anIncident(api.current, owner.accessToken, (await aService(api.current, owner.accessToken)).id);
    expect((await downloadAttachment(api.current, owner.accessToken, { incidentId: sibling.id, id: attachment.id })).status).toBe(404);
    expect((await downloadAttachment(api.current, owner.accessToken, attachment)).status).toBe(200);
  });
});

describe("the S3 store (s3rver on loopback)", () => {
  const s3 = useStarted("The S3 server", startS3Server);
  const s3Api = useStarted("The API on S3", () => startTestApi({ env: { ...s3.current.env, ATTACHMENT_MAX_BYTES: String(8 * 1024 * 1024) } }));
  const client = () =>
    new S3Client({ endpoint: s3.current.url, region: "us-east-1", forcePathStyle: true, credentials: S3_TEST_CREDENTIALS, requestChecksumCalculation: "WHEN_REQUIRED" });
  const keyOf = async (attachmentId: string) =>
    (await s3Api.current.db.selectFrom("incident_attachments").select("storage_key").where("id", "=", attachmentId).executeTakeFirstOrThrow()).storage_key;
  const objectExists = (key: string) =>
    client()
      .send(new HeadObjectCommand({ Bucket: S3_TEST_BUCKET, Key: key }))
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof Error && error.name === "NotFound") return false;
          throw error;
        },
      );

  it("streams an upload (multipart beyond 5 MB) into the bucket, serves it back, and deletes the object with it", async () => {
    expect(s3Api.current.config.attachments.storage.kind).toBe("s3");
    const admin = await anOrgOwner(s3Api.current);
    const incident = await anIncident(s3Api.current, admin.accessToken, (await aService(s3Api.current, admin.accessToken)).id);
    const bytes = Buffer.alloc(6 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    const uploaded = await uploadAttachment(s3Api.current, admin.accessToken, incident.id, { name: "heap.bin", bytes });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes), contentType: "application/octet-stream" });
    const key = await keyOf(uploaded.body.id);
    expect(key).toBe(`orgs/${admin.org.id}/incidents/${incident.id}/attachments/${uploaded.body.id}`);
    expect(await objectExists(key)).toBe(true);

    const download = await downloadAttachment(s3Api.current, admin.accessToken, uploaded.body);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const deleted = await s3Api.current.request("DELETE", `/v1/incidents/${incident.id}/attachments/${uploaded.body.id}`, { token: admin.accessToken });
    expect(deleted.status).toBe(200);
    expect(await objectExists(key)).toBe(false);
  });

  it("answers 503 with Retry-After, not 500, while the store cannot be reached", async () => {
    const port = await closedPort();
    const down = await startTestApi({ env: { ...s3.current.env, S3_URL: `http://127.0.0.1:${port}` } });
    try {
      const admin = await anOrgOwner(down);
      const incident = await anIncident(down, admin.accessToken, (await aService(down, admin.accessToken)).id);
      const res = await uploadAttachment(down, admin.accessToken, incident.id, { name: "a.txt", bytes: "a" });
      expectError(res, 503, "SERVICE_UNAVAILABLE");
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await countRows(down.db, "incident_attachments", { incident_id: incident.id })).toBe(0);
    } finally {
      await down.close();
    }
  });

  it("keeps nothing of a refused upload, and answers 404 when the bytes are gone", async () => {
    const admin = await anOrgOwner(s3Api.current);
    const incident = await anIncident(s3Api.current, admin.accessToken, (await aService(s3Api.current, admin.accessToken)).id);
    const over = await uploadAttachment(s3Api.current, admin.accessToken, incident.id, { name: "big.bin", bytes: Buffer.alloc(8 * 1024 * 1024 + 1) });
    expectError(over, 413, "PAYLOAD_TOO_LARGE");
    const listed = await client().send(new ListObjectsV2Command({ Bucket: S3_TEST_BUCKET, Prefix: `orgs/${admin.org.id}/` }));
    expect(listed.Contents ?? []).toEqual([]);

    const kept = (await uploadAttachment(s3Api.current, admin.accessToken, incident.id, { name: "a.txt", bytes: "a" })).body;
    await client().send(new DeleteObjectCommand({ Bucket: S3_TEST_BUCKET, Key: await keyOf(kept.id) }));
    const gone = await fetch(`${s3Api.current.baseUrl}${kept.downloadPath}`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(gone.status).toBe(404);
  });
});
