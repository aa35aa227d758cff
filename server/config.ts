import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'must start with postgres://, sqlite: or file:')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(1000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  COOKIE_SECURE: boolish.optional(),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  PUBLIC_FORMS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .regex(
      /^[\w.:/,\s-]+$/,
      'must be true, false, a number of hops, or addresses and subnets separated by commas',
    )
    .default('loopback'),
  METRICS_ALLOW: z
    .string()
    .trim()
    .refine(
      (v) => v.split(',').every((part) => addressRange(part.trim()) !== null),
      'must be addresses or subnets (CIDR) separated by commas, e.g. 127.0.0.1,10.0.0.0/8',
    )
    .default('127.0.0.0/8,::1'),
  IN_CONTAINER: boolish.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:password@host:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Steward <support@localhost>'),
  BACKGROUND_JOBS: boolish.optional(),
  CACHES: z.enum(['on', 'off']).default('on'),
  FILTER_TIME_LIMIT_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  SMTP_AUTH_USER: z.string().min(1).optional(),
  SMTP_AUTH_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SMTP_TLS_KEY: z.string().min(1).optional(),
  SMTP_TLS_CERT: z.string().min(1).optional(),
});

export type DatabaseConfig = { dialect: 'sqlite'; filename: string } | { dialect: 'postgres'; url: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  publicUrl: string;
  logLevel: string;
  /** auto: readable lines on a terminal, JSON otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Requests slower than this are logged at info; others only at debug (errors always). */
  slowRequestMs: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  login: { ratePerMinute: number; lockoutThreshold: number; lockoutMinutes: number };
  mail: { smtpUrl: string | null; from: string };
  /** The built-in SMTP listener for inbound mail; port null = not started with the server. */
  smtp: {
    port: number | null;
    host: string;
    maxBytes: number;
    auth: { user: string; password: string } | null;
    tls: { keyFile: string; certFile: string } | null;
  };
  /** Contact form and sign-in link requests per minute per IP. */
  publicFormsPerMinute: number;
  /**
   * Whose X-Forwarded-For to believe for the client's address (rate limits, sessions, audit):
   * proxies at these addresses or subnets, the nearest n hops, everyone (true) or no one (false).
   */
  trustProxy: boolean | number | string[];
  /** Run periodic work (mail delivery, auto-close) in this process. */
  backgroundJobs: boolean;
  /** Client addresses that may read /metrics without signing in (admins always may). */
  metricsAllow: AddressRange[];
  /**
   * Keep answers in memory (kept queue pages and view counts, rendered ticket rows, search
   * hits). CACHES=off turns every one of them off, for debugging: each request reads the database.
   */
  caches: boolean;
  /**
   * How long a list of tickets by filters that no index answers may read before it stops with
   * FILTER_TOO_BROAD (and a view's count shows as unknown): on SQLite every request waits that long.
   */
  filterTimeLimitMs: number;
  /** How often the service-level sweep records due warnings and breaches. */
  slaSweepMs: number;
}

export interface AddressRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.0/8`, `::1` or `192.0.2.7` as an address range; null when it is not one. */
export function addressRange(value: string): AddressRange | null {
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value fails fast with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const port = e.PORT;
  const host = e.HOST ?? (e.IN_CONTAINER ? '0.0.0.0' : '127.0.0.1');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port,
    host,
    dataDir,
    database: databaseFromUrl(e.DATABASE_URL, dataDir),
    publicUrl,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    slowRequestMs: e.LOG_SLOW_REQUEST_MS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    login: {
      ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      lockoutThreshold: e.LOGIN_LOCKOUT_THRESHOLD,
      lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    smtp: {
      port: e.SMTP_PORT ?? null,
      host: e.SMTP_HOST ?? host,
      maxBytes: e.SMTP_MAX_MESSAGE_BYTES,
      auth:
        e.SMTP_AUTH_USER && e.SMTP_AUTH_PASSWORD
          ? { user: e.SMTP_AUTH_USER, password: e.SMTP_AUTH_PASSWORD }
          : null,
      tls: e.SMTP_TLS_KEY && e.SMTP_TLS_CERT ? { keyFile: e.SMTP_TLS_KEY, certFile: e.SMTP_TLS_CERT } : null,
    },
    publicFormsPerMinute: e.PUBLIC_FORMS_PER_MINUTE,
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    backgroundJobs: e.BACKGROUND_JOBS ?? e.NODE_ENV !== 'test',
    metricsAllow: e.METRICS_ALLOW.split(',').map((part) => addressRange(part.trim()) as AddressRange),
    caches: e.CACHES === 'on',
    filterTimeLimitMs: e.FILTER_TIME_LIMIT_MS,
    slaSweepMs: e.SLA_SWEEP_SECONDS * 1000,
  };
}

function trustProxyFrom(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function databaseFromUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', filename: path.join(dataDir, 'steward.db') };
  if (url.startsWith('postgres')) return { dialect: 'postgres', url };
  const filename = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { dialect: 'sqlite', filename: filename === ':memory:' ? filename : path.resolve(filename) };
}
