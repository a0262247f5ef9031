export { createApp } from "./app.js";
export { appRouter, type AppRouter } from "./router.js";
export { buildOpenApiDocument } from "./openapi/document.js";
export type { AppDeps } from "./context.js";
export { startChangeFeed, type ChangeFeed } from "./live/change-feed.js";
