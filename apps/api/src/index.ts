export { createApp } from "./app.js";
export { appRouter, type AppRouter } from "./router.js";
export { buildOpenApiDocument } from "./openapi.js";
export type { AppDeps } from "./context.js";
