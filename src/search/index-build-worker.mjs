// Worker threads on Node 20 do not inherit tsx's loader, so the TypeScript
// entry is loaded through tsx's API (tsx is a runtime dependency of the bot).
import { tsImport } from 'tsx/esm/api';

await tsImport('./index-build-worker-main.ts', import.meta.url);
