import { parseArgs } from 'node:util';
import { z } from 'zod';
import { staffRoleSchema } from '../../contracts/common';
import { password as passwordSchema } from '../../contracts/passwords';
import type { Config } from '../config';
import { ConfigError, loadConfig } from '../config';
import { createDatabase, type DatabaseHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { checkAggregates, foldAllEvents, rebuildAggregates, runSpikeDetection } from '../modules/reports';
import { checkOpenTicketCounts, rebuildOpenTicketCounts } from '../modules/tickets';
import { tokensService } from '../modules/tokens';
import { usersService } from '../modules/users';
import { systemContext } from '../platform/auth/actor';
import { AppError } from '../platform/errors';
import { localBus } from '../platform/live/bus';
import { seedDemo } from '../seed/demo';
import { runMailNode } from './mail-node';

const usage = `Usage: npx steward <command> [options]

Commands:
  migrate                                   apply database migrations
  create-admin --email E --password P [--name N]
                                            create the first (or another) admin
  create-token --name N --role admin|manager|agent
                                            create an API token and print it once
  seed-demo                                 fill the database with a demo department
  reports rebuild                           recompute the report aggregates from the events
                                            and the board's open-ticket counts from the tickets
  reports check                             compare the report aggregates with the events
                                            and the open-ticket counts with a recount
  reports spikes                            fold new events and run the spike detector now
                                            and print the differences
  smtp [--port P] [--host H]                run the SMTP listener and mail processing on
                                            their own (no web server) until stopped
  help                                      show this text

Environment: DATA_DIR, DATABASE_URL (see README).`;

class UsageError extends Error {}

function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function withDatabase<T>(config: Config, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = createDatabase(config.database);
  try {
    await migrateToLatest(handle);
    return await work(handle);
  } finally {
    await handle.destroy();
  }
}

const commands: Record<string, (args: string[], config: Config) => Promise<void>> = {
  async migrate(_args, config) {
    await withDatabase(config, async (handle) => {
      console.log(`Database is up to date (${handle.dialect}).`);
    });
  },

  async 'create-admin'(args, config) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    });
    const email = z.email().safeParse(option(values, 'email').trim().toLowerCase());
    if (!email.success) throw new UsageError('--email must be an email address');
    const pw = passwordSchema.safeParse(option(values, 'password'));
    if (!pw.success) throw new UsageError(pw.error.issues[0]?.message ?? 'invalid password');
    const name = values.name?.trim() || email.data.split('@')[0] || 'Admin';
    await withDatabase(config, async (handle) => {
      const users = usersService({ db: handle.db, config, live: localBus() });
      const user = await users.create(systemContext('steward create-admin'), {
        email: email.data,
        name,
        role: 'admin',
        password: pw.data,
        timezone: 'UTC',
        skills: [],
        languages: [],
        teamIds: [],
      });
      console.log(
        `Created admin ${user.name} <${user.email}> (id ${user.id}). Sign in at ${config.publicUrl}/login`,
      );
    });
  },

  async 'create-token'(args, config) {
    const { values } = parseArgs({ args, options: { name: { type: 'string' }, role: { type: 'string' } } });
    const name = option(values, 'name').trim();
    if (name.length > 80) throw new UsageError('--name must be at most 80 characters');
    const role = staffRoleSchema.safeParse(option(values, 'role'));
    if (!role.success) throw new UsageError('--role must be admin, manager or agent');
    await withDatabase(config, async (handle) => {
      const tokens = tokensService({ db: handle.db, config, live: localBus() });
      const created = await tokens.create(systemContext('steward create-token'), { name, role: role.data });
      console.log(created.secret);
      console.error(
        `Created API token "${name}" (${role.data}). It is shown only this once; send it as "Authorization: Bearer <token>".`,
      );
    });
  },

  async smtp(args, config) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } });
    const port = z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .safeParse(values.port ?? config.smtp.port ?? 2525);
    if (!port.success) throw new UsageError('--port must be a port number');
    await runMailNode({
      ...config,
      smtp: { ...config.smtp, port: port.data, host: values.host ?? config.smtp.host },
    });
  },

  async reports(args, config) {
    const [action] = args;
    if (action !== 'rebuild' && action !== 'check' && action !== 'spikes')
      throw new UsageError('use "reports rebuild", "reports check" or "reports spikes"');
    await withDatabase(config, async (handle) => {
      if (action === 'spikes') {
        await foldAllEvents(handle.db, { settleMs: 0 });
        const run = await runSpikeDetection(handle.db);
        console.log(
          `Spike alerts: ${run.opened} opened, ${run.extended} extended, ${run.resolved} resolved.`,
        );
        return;
      }
      if (action === 'rebuild') {
        const events = await rebuildAggregates(handle.db);
        console.log(`Report aggregates rebuilt from ${events} events.`);
        const open = await rebuildOpenTicketCounts(handle.db);
        console.log(`Open-ticket counts rebuilt: ${open} open tickets.`);
        return;
      }
      const differences = await checkAggregates(handle.db);
      const counts = await checkOpenTicketCounts(handle.db);
      if (differences.length === 0) console.log('Report aggregates agree with the events.');
      for (const d of differences.slice(0, 50))
        console.log(`${d.key}: stored ${d.stored}, from the events ${d.computed}`);
      if (differences.length > 50) console.log(`… and ${differences.length - 50} more`);
      if (counts.length === 0) console.log('Open-ticket counts agree with the tickets.');
      for (const c of counts.slice(0, 50))
        console.log(
          `open tickets of team ${c.teamId ?? 'none'}, ${c.status}, assignee ${c.assigneeId ?? 'none'}: kept ${c.kept}, counted ${c.counted}`,
        );
      if (counts.length > 50) console.log(`… and ${counts.length - 50} more`);
      if (differences.length > 0 || counts.length > 0)
        throw new UsageError(
          `${differences.length} report figures differ from the events and ${counts.length} open-ticket counts from the tickets; run "reports rebuild"`,
        );
    });
  },

  async 'seed-demo'(_args, config) {
    await withDatabase(config, async (handle) => {
      const summary = await seedDemo(handle, config);
      console.log(summary);
    });
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return command ? 0 : 1;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  try {
    await run(args, loadConfig());
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError)
      console.error(`steward ${command}: ${error.message}`);
    else if (error instanceof AppError) console.error(`steward ${command}: ${error.message}`);
    else if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`steward ${command}: ${error.message}`);
    } else console.error(`steward ${command} failed:`, error instanceof Error ? error.message : error);
    return 1;
  }
}
