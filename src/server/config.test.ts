import { describe, expect, it } from 'vitest';
import { listenHost, loadConfig } from './config.js';

describe('listen address', () => {
  it('keeps a bare demo start on this machine, and says so', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.demo).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(listenHost(config, true)).toEqual({ host: '127.0.0.1', demoLocalOnly: true });
  });

  it('keeps the server local while demo accounts remain, even with demo mode off', () => {
    const config = loadConfig({ NODE_ENV: 'development', ASAH_DEMO: 'false' });
    expect(config.host).toBe('0.0.0.0');
    expect(listenHost(config, true)).toEqual({ host: '127.0.0.1', demoLocalOnly: true });
    expect(listenHost(config, false)).toEqual({ host: '0.0.0.0', demoLocalOnly: false });
  });

  it('listens on all addresses in production without demo accounts', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(listenHost(config, false)).toEqual({ host: '0.0.0.0', demoLocalOnly: false });
  });

  it('listens where HOST says when it is set, demo or not', () => {
    const config = loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    expect(listenHost(config, true)).toEqual({ host: '0.0.0.0', demoLocalOnly: false });
    expect(loadConfig({ NODE_ENV: 'development', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('refuses an empty HOST', () => {
    expect(() => loadConfig({ HOST: '' })).toThrow(/HOST/);
  });
});
