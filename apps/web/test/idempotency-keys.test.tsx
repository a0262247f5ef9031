// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { isKeyedWrite, keyedWriteContext, useIdempotencyKeys } from "../src/lib/idempotency-keys";

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
