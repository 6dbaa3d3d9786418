// Entry point of dist/server.js: `node dist/server.js --stdio` (any LSP client) or node-ipc (VS Code).
import { startNodeServer } from './node';

startNodeServer();
