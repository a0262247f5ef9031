import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { assertDeliverableUrl } from "../../src/delivery/index.js";
import { forbiddenAddressReason, guardedLookup } from "../../src/delivery/addresses.js";

async function refusal(url: string, options: { allowPrivate: boolean; field?: string }): Promise<AppError> {
  try {
    await assertDeliverableUrl(url, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${url} was allowed`);
}

describe("forbiddenAddressReason", () => {
  it.each([
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["64:ff9b::a00:1", "reserved"],
    ["2002:a00:1::", "reserved"],
    ["::a00:1", "reserved"],
    ["not-an-ip", "not a valid IP address"],
  ])("refuses %s as %s", (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"])(
    "allows public %s",
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );
});

describe("assertDeliverableUrl", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data", "address 169.254.169.254 is link-local and not allowed"],
    ["http://10.0.0.1/", "address 10.0.0.1 is private and not allowed"],
    ["http://[::1]/", "address ::1 is loopback and not allowed"],
    ["http://127.0.0.1:9/", "address 127.0.0.1 is loopback and not allowed"],
    ["http://0.0.0.0/", "address 0.0.0.0 is unspecified and not allowed"],
    ["http://[::ffff:169.254.169.254]/", "address ::ffff:a9fe:a9fe is link-local and not allowed"],
    // WHATWG URL parsing turns these spellings into 127.0.0.1 before the check sees them.
    ["http://2130706433/", "address 127.0.0.1 is loopback and not allowed"],
    ["http://0x7f.1/", "address 127.0.0.1 is loopback and not allowed"],
  ])("refuses %s when private addresses are not allowed", async (url, reason) => {
    const error = await refusal(url, { allowPrivate: false });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.httpStatus).toBe(400);
    expect(error.details).toEqual({ fields: { "config.url": [reason] } });
  });

  it("refuses a name that resolves to loopback", async () => {
    const error = await refusal("http://localhost:8080/hook", { allowPrivate: false });
    expect(error.details).toEqual({
      fields: { "config.url": [expect.stringMatching(/^host localhost resolves to address (127\.0\.0\.1|::1) is loopback and not allowed$/)] },
    });
  });

  it.each([
    ["ftp://x/", "must be an http(s) URL"],
    ["file:///etc/passwd", "must be an http(s) URL"],
    ["not a url", "must be a valid URL"],
  ])("refuses %s whatever allowPrivate says", async (url, reason) => {
    for (const allowPrivate of [false, true]) {
      const error = await refusal(url, { allowPrivate });
      expect(error.details).toEqual({ fields: { "config.url": [reason] } });
    }
  });

  it("reports under the field it is given", async () => {
    const error = await refusal("http://10.0.0.1/", { allowPrivate: false, field: "config.webhookUrl" });
    expect(error.details).toEqual({ fields: { "config.webhookUrl": ["address 10.0.0.1 is private and not allowed"] } });
    expect(error.message).toContain("config.webhookUrl");
  });

  it.each(["http://169.254.169.254/", "http://10.0.0.1/", "http://[::1]/", "http://127.0.0.1:9/", "http://0.0.0.0/", "http://localhost/"])(
    "allows %s when private addresses are allowed",
    async (url) => {
      await expect(assertDeliverableUrl(url, { allowPrivate: true })).resolves.toBeUndefined();
    },
  );

  it("allows a public IP address without allowPrivate", async () => {
    await expect(assertDeliverableUrl("https://93.184.216.34/hooks/1", { allowPrivate: false })).resolves.toBeUndefined();
  });
});

describe("guardedLookup", () => {
  function lookup(hostname: string, all: boolean): Promise<unknown> {
    return new Promise((resolve, reject) => {
      guardedLookup(hostname, { all }, (error, address) => (error ? reject(error) : resolve(address)));
    });
  }

  it("refuses a name resolving to loopback, whichever form of answer is asked for", async () => {
    await expect(lookup("localhost", false)).rejects.toThrow(/^address (127\.0\.0\.1|::1) is loopback and not allowed$/);
    await expect(lookup("localhost", true)).rejects.toMatchObject({ code: "EFORBIDDENADDRESS" });
  });
});
