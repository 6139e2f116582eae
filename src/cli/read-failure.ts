/**
 * Why the system refused to read a file or folder, in a trainer's words.
 * The keys are Node's errno codes; anything else falls back to the code
 * itself, so a rare failure is still named rather than hidden.
 */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  ELOOP: 'the path goes round in a loop of shortcuts (symbolic links)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open; close some programs and try again',
  ENFILE: 'too many files are open; close some programs and try again',
  EBUSY: 'another program is using it',
  EAGAIN: 'it is not ready to be read yet; try again',
  EIO: 'the disk reported a read error',
  ETIMEDOUT: 'the network drive did not answer in time',
  EFBIG: 'it is too large',
  ENOMEM: 'there is not enough memory to read it',
};

/**
 * The reason a read failed, for "cannot read FILE: REASON".
 *
 * @example readFailure(Object.assign(new Error(), { code: 'EACCES' })) // 'permission denied'
 */
export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return REASONS[code] ?? `the system refused (${code})`;
  return error instanceof Error ? error.message : String(error);
}
