/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The backend (Spring Boot) serves the REST API under /api and its OpenAPI description under /v3.
const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';
const proxy = { '/api': backend, '/v3': backend };

export default defineConfig({
    plugins: [react()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, strictPort: true, proxy },
    // react-admin with MUI is ~350 kB gzipped in one chunk; bpmn-js is split off (lazy diagram tab)
    build: { chunkSizeWarningLimit: 1500 },
    test: {
        environment: 'jsdom',
        setupFiles: ['./src/test/setup.ts'],
        // react-admin pages render slowly in jsdom: on a busy 2-CPU machine 5 s was not always enough
        testTimeout: 20_000,
    },
});
