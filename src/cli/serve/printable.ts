/**
 * A report may quote words Redline did not write: a device server's error message, a toy's name
 * (a hostile device server or firmware chooses them). Control characters in them are shown as
 * `\u001b` and the like, never passed to the terminal, so such text cannot move the cursor,
 * rewrite the lines above (the addresses, the data folder) or forge a line of its own.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
