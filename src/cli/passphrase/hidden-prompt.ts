import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks for a secret on a terminal without showing it: readline in terminal mode echoes what is
 * typed through its output, so that output is muted once the question is shown. Resolves with the
 * line typed, or null if the input ends or Ctrl+C is pressed.
 */
export function askHidden(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<string | null> {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: echo, terminal: true });
  output.write(question);
  muted = true;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: string | null) => {
      if (settled) return;
      settled = true;
      muted = false;
      output.write('\n');
      rl.close();
      resolve(answer);
    };
    rl.once('line', (line) => {
      finish(line);
    });
    rl.once('SIGINT', () => {
      finish(null);
    });
    rl.once('close', () => {
      finish(null);
    });
  });
}
