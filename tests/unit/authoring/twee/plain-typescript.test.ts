import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDER = 'src/authoring';
const files = readdirSync(FOLDER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(FOLDER, f));

// The studio will convert Twee in the browser with the same code as `tactful import`.
describe('src/authoring stays plain TypeScript', () => {
  it.each(files)('%s imports no Node, DOM or CLI module', (file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(text).not.toMatch(/from ['"](node:|fs|path|os|process)/);
    expect(text).not.toMatch(/from ['"]\.\.\/(\.\.\/)?(cli|game)\//);
    expect(text).not.toMatch(/(?<![.\w$])(document|window|process)\./);
  });
});
