// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { isKeyedWrite, keyedWriteContext, useIdempotencyKeys, useKeyedWrite, type KeyedWriteContext } from "../src/lib/idempotency-keys";

describe("a form's idempotency keys", () => {
  it("keep one key while the same input is sent again, and make a new one for another input or after a write", () => {
    const { result } = renderHook(() => useIdempotencyKeys());
    const { keyFor, written } = result.current;
    const first = keyFor({ title: "Checkout is down", severity: "sev2" });
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keyFor({ title: "Checkout is down", severity: "sev2" })).toBe(first);

    const edited = keyFor({ title: "Checkout is down", severity: "sev1" });
    expect(edited).not.toBe(first);
    expect(keyFor({ title: "Checkout is down", severity: "sev1" })).toBe(edited);

    written();
    expect(keyFor({ title: "Checkout is down", severity: "sev1" })).not.toBe(edited);
  });

  it("travel as the operation's context, which only a keyed write has", () => {
    expect(isKeyedWrite(keyedWriteContext("k1"))).toBe(true);
    expect(isKeyedWrite({})).toBe(false);
  });
});

describe("a form's keyed write", () => {
  it("sends the same key again after a failure, and a new one after a success", async () => {
    const sent: { input: string; key: string }[] = [];
    let fail = true;
    const mutate = (input: string, options: { context: KeyedWriteContext }) => {
      sent.push({ input, key: options.context.idempotencyKey });
      return fail ? Promise.reject(new Error("no answer")) : Promise.resolve(`done: ${input}`);
    };
    const { result } = renderHook(() => useKeyedWrite(mutate));
    await act(async () => {
      await expect(result.current("Rolling back")).rejects.toThrow("no answer");
      fail = false;
      await expect(result.current("Rolling back")).resolves.toBe("done: Rolling back");
      await result.current("Rolling back");
    });
    expect(sent.map((s) => s.input)).toEqual(["Rolling back", "Rolling back", "Rolling back"]);
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(sent[2]?.key).not.toBe(sent[1]?.key);
  });
});
