import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** Starts the server on the transport named on the command line: --stdio, --node-ipc or --socket=N. */
export function startNodeServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`Unhandled rejection: ${(error as Error)?.stack ?? error}`));
  startServer(connection);
}
