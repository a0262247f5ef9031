import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import type { Attachment } from "@incidentops/core";
import type { HttpResponse, TestApi } from "@incidentops/testkit";

/** The smallest PNG there is (1x1, transparent): what a screenshot's bytes start like. */
export const PNG_1X1 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** POST .../attachments as a browser would: multipart/form-data, the file in `field` (default `file`). */
export async function uploadAttachment(
  api: TestApi,
  token: string,
  incidentId: string,
  file: { name: string; bytes: Uint8Array | string; type?: string; field?: string },
  headers: Record<string, string> = {},
): Promise<HttpResponse<Attachment & Record<string, unknown>>> {
  const form = new FormData();
  const bytes = typeof file.bytes === "string" ? Buffer.from(file.bytes) : file.bytes;
  form.append(file.field ?? "file", new Blob([bytes], { type: file.type ?? "application/octet-stream" }), file.name);
  const res = await fetch(`${api.baseUrl}/v1/incidents/${incidentId}/attachments`, { method: "POST", headers: { ...headers, authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Attachment & Record<string, unknown>, headers: res.headers };
}

/** GET the bytes of an attachment: the raw response. */
export const downloadAttachment = (api: TestApi, token: string, attachment: { incidentId: string; id: string }) =>
  fetch(`${api.baseUrl}/v1/incidents/${attachment.incidentId}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${token}` } });

/** Every file under the filesystem store's directory (none but recorded attachments may be left). */
export async function storedFiles(testApi: TestApi): Promise<string[]> {
  const storage = testApi.config.attachments.storage;
  if (storage.kind !== "filesystem" || !existsSync(storage.dir)) return [];
  return (await readdir(storage.dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}
