import { incidentIdInput } from "@incidentops/core";
import { getParseFn } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { z } from "zod";

// tRPC's validation of inputs and outputs, as patched (patches/@trpc__server@*.patch, decision 0051).
describe("tRPC's validation of a zod schema", () => {
  const schema = z.object({ id: z.uuid(), count: z.string().transform(Number) });
  const id = "0b0c5f4e-7d1b-4d3e-9a8f-2c6b1e0d9f11";

  it("answers synchronously, with the schema's output", () => {
    const parsed = getParseFn(schema)({ id, count: "3", unknown: true });
    expect(parsed).not.toBeInstanceOf(Promise);
    expect(parsed).toEqual({ id, count: 3 });
  });

  it("throws the schema's issues, with their paths, for an invalid value", () => {
    let thrown: unknown;
    try {
      getParseFn(incidentIdInput)({ incidentId: "not-a-uuid" });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { issues: { path: PropertyKey[]; message: string }[] }).issues).toEqual([
      expect.objectContaining({ path: ["incidentId"], message: expect.any(String) }),
    ]);
  });

  it("still runs a schema with asynchronous checks, asynchronously", async () => {
    const checkedLater = z.string().refine((value) => Promise.resolve(value === "yes"), "must be yes");
    const parse = getParseFn(checkedLater);
    const accepted = parse("yes");
    expect(accepted).toBeInstanceOf(Promise);
    await expect(accepted).resolves.toBe("yes");
    await expect(parse("no")).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "must be yes" })] });
  });
});
