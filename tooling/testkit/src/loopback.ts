// The servers and checks a test or a benchmark needs on loopback, with no test runner or app
// behind them (bench/ imports this entry).
export { closedPort, freePort } from "./ports.js";
export { bodyOf, grafanaSignature, hasValidSignature, verifyWebhook, type WebhookBody } from "./signatures.js";
export { plainTextOf, startSmtpSink, subjectOf, type ReceivedMail, type SmtpSink } from "./smtp-sink.js";
export { never, startWebhookReceiver, type Answer, type ReceivedRequest, type Respond, type WebhookReceiver } from "./webhook-receiver.js";
export { startTwilioServer, TEST_TWILIO, type TwilioRequest, type TwilioServer } from "./twilio-server.js";
