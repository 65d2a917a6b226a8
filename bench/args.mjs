// The benchmarks' command lines, read by Node's own parser (node:util
// parseArgs, strict: an unknown option or a missing value is an error).
import { parseArgs } from 'node:util';

/** The values of `argv` for `options` (parseArgs' form); a wrong command line ends the run through `fail`. */
export function readArgs(argv, options, fail, where) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return fail(`${e.message} (see the head of ${where})`);
  }
}
