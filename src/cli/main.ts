/** Entry point of the `tactful` command (see bin/tactful.mjs). */
import { consoleOutput } from './output.ts';
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), consoleOutput);
