import { startWebhookReceiver, type Answer, type ReceivedRequest, type WebhookReceiver } from "./webhook-receiver.js";

/** The account a test deployment is configured with (TWILIO_* variables): not a real one. */
export const TEST_TWILIO = {
  accountSid: "AC0123456789abcdef0123456789abcdef",
  authToken: "test-twilio-auth-token-0123456789",
  fromNumber: "+15005550006",
} as const;

/** One request the fake Twilio API took: which resource, with which form fields, and whether its credentials were right. */
export interface TwilioRequest {
  resource: "Messages" | "Calls" | "unknown";
  accountSid: string | null;
  authorized: boolean;
  params: Record<string, string>;
  request: ReceivedRequest;
}

export interface TwilioServer {
  /** Its base URL: TWILIO_API_URL. */
  url: string;
  /** The TWILIO_* variables of a deployment that uses it. */
  env: Record<string, string>;
  /** Every request, in arrival order. */
  requests: TwilioRequest[];
  close: () => Promise<void>;
}

const PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/;

function parse(request: ReceivedRequest): TwilioRequest {
  const match = PATH.exec(request.path);
  const expected = `Basic ${Buffer.from(`${TEST_TWILIO.accountSid}:${TEST_TWILIO.authToken}`).toString("base64")}`;
  return {
    resource: match?.[2] === "Messages" || match?.[2] === "Calls" ? match[2] : "unknown",
    accountSid: match?.[1] === undefined ? null : decodeURIComponent(match[1]),
    authorized: request.headers.authorization === expected,
    params: Object.fromEntries(new URLSearchParams(request.body)),
    request,
  };
}

const twilioError = (status: number, code: number, message: string): Answer => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }),
});

/**
 * A loopback server speaking the part of Twilio's REST API that pages use: POST
 * /2010-04-01/Accounts/{sid}/Messages.json and Calls.json, form-encoded, HTTP Basic auth with
 * the account SID and auth token. It answers as Twilio does: 201 with the created resource,
 * 401 (error 20003) for wrong credentials, 400 for a missing field; `refuse` makes it refuse a
 * number with Twilio's 400 and error 21211 (the message quoting the number, as Twilio's does).
 */
export async function startTwilioServer(options: { refuse?: (to: string) => boolean } = {}): Promise<TwilioServer> {
  const requests: TwilioRequest[] = [];
  const receiver: WebhookReceiver = await startWebhookReceiver((raw) => {
    const request = parse(raw);
    requests.push(request);
    if (raw.method !== "POST" || request.resource === "unknown") return twilioError(404, 20404, "The requested resource was not found");
    if (!request.authorized || request.accountSid !== TEST_TWILIO.accountSid) return twilioError(401, 20003, "Authenticate");
    const { To: to, From: from } = request.params;
    const content = request.resource === "Messages" ? request.params.Body : request.params.Twiml;
    if (to === undefined || from === undefined || content === undefined) return twilioError(400, 21604, "A required parameter is missing");
    if (options.refuse?.(to) === true) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const sid = `${request.resource === "Messages" ? "SM" : "CA"}${String(requests.length).padStart(32, "0")}`;
    return { status: 201, headers: { "content-type": "application/json" }, body: JSON.stringify({ sid, account_sid: TEST_TWILIO.accountSid, to, from, status: "queued" }) };
  });
  return {
    url: receiver.url,
    env: {
      TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
      TWILIO_API_URL: receiver.url,
    },
    requests,
    close: receiver.close,
  };
}
