/** Where a command writes; tests capture it instead of the terminal. */
export interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Writes to the process's streams. */
export const consoleOutput: Output = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
