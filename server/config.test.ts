import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to SQLite in ./data on port 3000, bound to loopback', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ dialect: 'sqlite', filename: path.resolve('data/steward.db') });
  });

  it('uses PostgreSQL when DATABASE_URL says so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@h:5432/db',
    });
  });

  it('binds to all interfaces in a container and marks cookies secure behind https', () => {
    const config = loadConfig({ IN_CONTAINER: 'true', PUBLIC_URL: 'https://help.example.com' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.cookieSecure).toBe(true);
  });

  it('believes X-Forwarded-For from loopback proxies only, unless told otherwise', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
    ]);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'every*one' })).toThrow(/TRUST_PROXY/);
  });

  it('keeps caches on unless CACHES=off', () => {
    expect(loadConfig({}).caches).toBe(true);
    expect(loadConfig({ CACHES: 'on' }).caches).toBe(true);
    expect(loadConfig({ CACHES: 'off' }).caches).toBe(false);
    expect(() => loadConfig({ CACHES: 'no' })).toThrow(/CACHES/);
  });

  it('lets loopback read /metrics by default, or the addresses and subnets in METRICS_ALLOW', () => {
    expect(loadConfig({}).metricsAllow).toEqual([
      { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
    expect(loadConfig({ METRICS_ALLOW: '10.0.0.0/8, fd00::/8,192.0.2.7' }).metricsAllow).toEqual([
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
      { address: '192.0.2.7', prefix: 32, family: 'ipv4' },
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x', ''])
      expect(() => loadConfig({ METRICS_ALLOW: bad })).toThrow(/METRICS_ALLOW/);
  });

  it('fails fast, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
