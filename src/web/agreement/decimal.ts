/**
 * Exact unit changes for the agreement form: a level shown as a percentage, milliseconds shown
 * as seconds. The decimal point is moved in the number's text, never by multiplying, so a value
 * shown and read back is the very same number (0.07 × 100 is 7.000000000000001; "0.07" moved
 * two places is "7").
 */
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** `value` × 10^`places`, as plain decimal text (no exponent). */
export function shiftDecimal(value: number, places: number): string {
  if (!Number.isFinite(value)) return String(value);
  const match = NUMBER_TEXT.exec(String(value));
  if (match === null) return String(value);
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`;
  const point = whole.length + Number(exponent) + places;
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = `${digits}${'0'.repeat(point - digits.length)}`;
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  text = text.replace(/^0+(?=\d)/, '');
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (text === '' || /^0*$/.test(text)) return '0';
  return `${sign}${text}`;
}

/** Reads text typed by a person as a number: blank or anything else than a number is null. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/** Typed text × 10^`places`, exactly: the nearest number to the decimal the person wrote. */
export function readShifted(text: string, places: number): number | null {
  if (readNumber(text) === null) return null;
  const [mantissa = '', exponent = '0'] = text.trim().replace(',', '.').toLowerCase().split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Seconds shown as minutes: close enough that reading them back gives the same seconds. */
export function minutesText(seconds: number): string {
  return String(Number((seconds / 60).toFixed(6)));
}

/** Minutes typed by a person, as seconds to the millisecond. */
export function readMinutes(text: string): number | null {
  const minutes = readNumber(text);
  return minutes === null ? null : Math.round(minutes * 60_000) / 1000;
}
