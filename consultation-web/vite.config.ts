import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves the build from the classpath at "/"; the dev server proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4096 },
  // Cornerstone's image loader starts its decoder as an ES module worker, which pre-bundling would break.
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@cornerstonejs/dicom-image-loader'], include: ['dicom-parser'] },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/health': 'http://localhost:8080',
      '/ready': 'http://localhost:8080',
    },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
