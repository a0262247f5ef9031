import { describe, expect, it } from "vitest";
import { hashSecretToken, newSecretToken } from "../src/secret-tokens.js";

describe("secret tokens", () => {
  it("are 256 random bits in base64url after their prefix, never the same twice", () => {
    const tokens = Array.from({ length: 100 }, () => newSecretToken("iok_"));
    for (const token of tokens) expect(token).toMatch(/^iok_[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(newSecretToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are stored as their SHA-256", () => {
    // The digest of "abc" in FIPS 180-2's examples: what a stored hash is, whatever computes it.
    expect(hashSecretToken("abc").toString("hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
