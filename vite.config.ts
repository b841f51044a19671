import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The SPA lives in client/; the server serves dist/client in production and proxies nothing.
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
      "/socket.io": { target: "http://localhost:3000", ws: true },
      "/healthz": "http://localhost:3000",
    },
  },
});
