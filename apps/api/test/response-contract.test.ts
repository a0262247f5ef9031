import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderResponseContract, responseContractFile } from "../scripts/response-contract.js";

// The web app checks the API's answers against the contract it is built with (apps/web/src/lib/response-contract.ts).

describe("the web app's response contract", () => {
  it("is the router's (apps/web/src/generated/response-contract.json is up to date: `pnpm api:contract`)", async () => {
    expect(await readFile(responseContractFile, "utf8")).toBe(renderResponseContract());
  });

  it("keeps the shape alone: no descriptions, and an answer may carry fields the app does not know", () => {
    const contract = renderResponseContract();
    expect(contract).not.toContain('"additionalProperties":false');
    expect(contract).not.toContain('"oneOf":');
    // As annotations, descriptions are text; a property named description has a schema.
    expect(contract).not.toContain('"description":"');
    const { procedures } = JSON.parse(contract) as { procedures: Record<string, { properties?: Record<string, unknown> }> };
    // A property named like an annotation keyword is kept.
    expect(Object.keys(procedures["incidents.get"]?.properties ?? {})).toEqual(expect.arrayContaining(["title", "description", "status", "version"]));
  });
});
