/**
 * Pairing codes are 6 letters and digits, like "K7QM2X". People type them on phones: spaces,
 * dashes and lower case are forgiven here; the server judges the rest.
 */
export const CODE_LENGTH = 6;

export function normalizeCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

export function isCodeShaped(code: string): boolean {
  return new RegExp(`^[A-Z0-9]{${CODE_LENGTH}}$`).test(code);
}

/** Plain words for a failed pairing, by the server's HTTP status; its own message comes too. */
export function pairingFailureTitle(status: number): string {
  switch (status) {
    case 0:
      return 'Could not reach Redline';
    case 400:
      return 'That code does not look right';
    case 404:
      return 'No scene has that code';
    case 410:
      return 'That code has expired or was already used';
    case 429:
      return 'Too many tries';
    default:
      return 'Pairing did not work';
  }
}

/** What to do next, by status. */
export function pairingFailureHint(status: number): string {
  switch (status) {
    case 0:
      return 'Check that this phone is on the same network as the Redline server, then try again.';
    case 400:
    case 404:
      return 'Check the 6 characters on the console and type them again.';
    case 410:
      return 'Ask your partner to make a new code on the console (each code works once, for a short time).';
    case 429:
      return 'Wait a little before trying again.';
    default:
      return 'Try again in a moment.';
  }
}
