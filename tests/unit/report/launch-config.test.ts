import { describe, expect, it } from 'vitest';
import { launchSettings, packageConfigFrom, readPackageConfig } from '../../../src/report/launch.ts';

describe('a web package\'s tactful-config.json', () => {
  it('gives the LRS it names', () => {
    expect(packageConfigFrom({ lrs: { endpoint: ' https://lrs.example/xapi ', key: 'k', secret: 's' } })).toEqual({ lrs: { endpoint: 'https://lrs.example/xapi', key: 'k', secret: 's' } });
  });

  it.each([
    ['the default file (no LRS)', { about: 'Settings a web package reads at launch.' }],
    ['an LRS without a secret', { lrs: { endpoint: 'https://lrs.example/xapi', key: 'k' } }],
    ['an empty endpoint', { lrs: { endpoint: ' ', key: 'k', secret: 's' } }],
    ['not an object', 'lrs'],
    ['null', null],
  ])('is no config at all for %s', (_what, value) => {
    expect(packageConfigFrom(value)).toEqual({});
  });

  it('is read with fetch; a missing file, a network failure or bad JSON is no config, never an error', async () => {
    const ok = (body: string): typeof fetch => () => Promise.resolve(new Response(body, { status: 200 }));
    await expect(readPackageConfig('./tactful-config.json', ok('{"lrs":{"endpoint":"https://l.example/","key":"a","secret":"b"}}'))).resolves.toEqual({ lrs: { endpoint: 'https://l.example/', key: 'a', secret: 'b' } });
    await expect(readPackageConfig('./tactful-config.json', () => Promise.resolve(new Response('', { status: 404 })))).resolves.toEqual({});
    await expect(readPackageConfig('./tactful-config.json', () => Promise.reject(new TypeError('Failed to fetch')))).resolves.toEqual({});
    await expect(readPackageConfig('./tactful-config.json', ok('{not json'))).resolves.toEqual({});
  });

  it('is overridden by the launch address', () => {
    const launch = launchSettings('https://x.example/?lrs=https://other.example/xapi&lrs-key=q&lrs-secret=r', { lrs: { endpoint: 'https://l.example/', key: 'a', secret: 'b' } });
    expect(launch.lrs).toEqual({ endpoint: 'https://other.example/xapi/', key: 'q', secret: 'r' });
  });
});
