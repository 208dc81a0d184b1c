// Standalone entry of the reference platform (`npm run platform`). Configuration: platform/config.ts.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PLATFORM_ENV_HELP, PlatformConfigError, platformConfigFromEnv } from './config';
import { buildPlatform } from './server';
import { DataKeyError, loadOrCreateDataKeyFile, parseDataKey } from './store/data-cipher';
import { openRepository } from './store/open';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(PLATFORM_ENV_HELP);
    return;
  }
  const config = platformConfigFromEnv(process.env);
  if (config.store.engine === 'sqlite' && config.store.file !== ':memory:') mkdirSync(dirname(config.store.file), { recursive: true });
  if (config.dataKey.source === 'file') mkdirSync(dirname(config.dataKey.path), { recursive: true, mode: 0o700 });
  const dataKey = config.dataKey.source === 'env' ? parseDataKey(config.dataKey.value) : loadOrCreateDataKeyFile(config.dataKey.path);
  const repo = await openRepository(config.store, dataKey);
  const { app } = buildPlatform({ repo, adminToken: config.adminToken, log: { level: config.logLevel, write: (line) => process.stdout.write(line + '\n') } });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info({ address, engine: repo.engine }, 'platform listening');
  if (config.adminTokenGenerated) process.stderr.write(`PLATFORM_ADMIN_TOKEN was not set; this run's admin token: ${config.adminToken}\n`);
  const stop = async () => {
    await app.close();
    await repo.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof PlatformConfigError || error instanceof DataKeyError ? error.message : 'platform failed to start: ' + (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
