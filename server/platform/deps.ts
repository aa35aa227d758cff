import type { Config } from '../config';
import type { Db } from '../db/database';
import type { LiveBus } from './live/bus';

/** What every module is built from. Built once per app in app.ts. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Tells every node's open browsers what changed; publish after the transaction commits. */
  live: LiveBus;
}
