import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // ECharts (with zrender) is large and only needed by chart pages: keep it in its own cacheable chunk.
        codeSplitting: {
          // Higher priority captures first, so libraries shared with the app shell (tslib) never land in the
          // lazily loaded echarts chunk and pull it into the first page load.
          groups: [
            {
              name: 'react',
              priority: 30,
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'mantine',
              priority: 20,
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll.*|tslib)[\\/]/,
            },
            {
              name: 'echarts',
              priority: 10,
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
