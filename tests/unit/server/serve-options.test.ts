import { describe, expect, it } from 'vitest';
import { serveOptions } from '../../../src/cli/serve-command.ts';
import { UsageError } from '../../../src/cli/errors.ts';

describe("tactful serve's options", () => {
  it('defaults to port 8080 on every interface with the embedded database in ./tactful-data', () => {
    expect(serveOptions({}, {})).toEqual({ port: 8080, host: '0.0.0.0', dataDir: 'tactful-data', databaseUrl: null, trainerKey: null, publicUrl: null, trustProxy: false });
  });

  it('takes the database and the trainer key from the environment, options first', () => {
    const env = { DATABASE_URL: 'postgres://a@db/x', TACTFUL_TRAINER_KEY: 'from-the-environment' };
    expect(serveOptions({}, env)).toMatchObject({ databaseUrl: 'postgres://a@db/x', trainerKey: 'from-the-environment' });
    expect(serveOptions({ database: 'postgresql://b@db/y', 'trainer-key': 'from-the-option-1' }, env)).toMatchObject({ databaseUrl: 'postgresql://b@db/y', trainerKey: 'from-the-option-1' });
  });

  it('says what is wrong with a port, a database URL, a short key or a public address', () => {
    expect(() => serveOptions({ port: 'eighty' }, {})).toThrow(new UsageError('--port must be a port number from 0 to 65535, not "eighty"'));
    expect(() => serveOptions({ port: '70000' }, {})).toThrow(UsageError);
    expect(() => serveOptions({ database: 'mysql://x' }, {})).toThrow(/PostgreSQL URL/);
    expect(() => serveOptions({ 'trainer-key': 'short' }, {})).toThrow(/at least 12 characters/);
    expect(() => serveOptions({ 'public-url': 'training.example.com' }, {})).toThrow(/--public-url/);
  });
});
