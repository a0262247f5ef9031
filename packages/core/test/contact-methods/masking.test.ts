import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskedAddress } from "../../src/contact-methods/masking.js";

// What the paging history shows of a contact method's address (decision 0058).

describe("maskedAddress", () => {
  it("keeps a phone number's last four digits, and no other", () => {
    expect(maskedAddress("sms", "+15555550123")).toBe("+****0123");
    expect(maskedAddress("voice", "+442071838750")).toBe("+****8750");
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{6,14}$/), (phone) => {
        const masked = maskedAddress("sms", phone);
        expect(masked.replace(/\D/g, "")).toBe(phone.slice(-4));
      }),
    );
  });

  it("keeps an email address's first letter and its domain", () => {
    expect(maskedAddress("email", "ada.lovelace@example.com")).toBe("a****@example.com");
  });

  it("keeps a URL's scheme and host, never its path or query (a Slack URL's path is its credential)", () => {
    expect(maskedAddress("slack", "https://hooks.slack.com/services/T0/B0/secret")).toBe("https://hooks.slack.com/****");
    expect(maskedAddress("webhook", "https://pager.example.com:8443/me?token=secret")).toBe("https://pager.example.com:8443/****");
  });
});
