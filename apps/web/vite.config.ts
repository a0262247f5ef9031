import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** `pnpm dev`: where the API runs (`pnpm start` or `pnpm --filter api start`). */
const api = process.env.INCIDENTOPS_API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  server: {
    port: 5173,
    // The app calls its own origin; in development Vite forwards the API's paths (server-sent events included).
    proxy: Object.fromEntries(["/v1", "/v2", "/trpc", "/docs", "/openapi.json", "/healthz", "/readyz"].map((path) => [path, { target: api }])),
  },
  build: { target: "es2022", assetsInlineLimit: 0 },
});
