import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { trackInFlight } from './platform/drain';

/** Listen, and shut down gracefully on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const database = createDatabase(config.database, { backgroundCheckpoints: true });
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  const inFlight = trackInFlight(app);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await inFlight.idle(10_000);
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Steward is running on ${config.publicUrl} (${database.dialect})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
