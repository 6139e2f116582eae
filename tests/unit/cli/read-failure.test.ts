import { describe, expect, it } from 'vitest';
import { readFailure } from '../../../src/cli/read-failure.ts';

const refusal = (code: string): Error => Object.assign(new Error(`${code}: raw system text`), { code });

describe('why a file could not be read, in a trainer\'s words', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENOENT', 'no such file or folder'],
    ['EISDIR', 'it is a folder, not a file'],
    ['ENOTDIR', 'part of the path is a file, not a folder'],
    ['ELOOP', 'the path goes round in a loop of shortcuts (symbolic links)'],
    ['EMFILE', 'too many files are open; close some programs and try again'],
    ['EBUSY', 'another program is using it'],
    ['EIO', 'the disk reported a read error'],
  ])('says %s as "%s"', (code, words) => {
    expect(readFailure(refusal(code))).toBe(words);
  });

  it('still names a code it has no words for, rather than hiding it', () => {
    expect(readFailure(refusal('EXDEV'))).toBe('the system refused (EXDEV)');
  });

  it('falls back to the message of an error without a code', () => {
    expect(readFailure(new Error('disk on fire'))).toBe('disk on fire');
  });
});
