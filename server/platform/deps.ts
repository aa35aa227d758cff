import type { Config } from '../config';
import type { Db, Dialect } from '../db/database';

/** What every module is built from. Built once per app in app.ts. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
}
