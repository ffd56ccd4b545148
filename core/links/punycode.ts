/**
 * Decodes one punycode label (RFC 3492, the part after `xn--`). core/ has no `node:punycode`
 * and the WHATWG URL parser only encodes, so the link opener decodes labels itself to see
 * which characters a host really contains. Returns undefined for an invalid label.
 */
export function decodePunycodeLabel(input: string): string | undefined {
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const SKEW = 38;
  const DAMP = 700;
  const adapt = (delta: number, points: number, first: boolean): number => {
    let d = first ? Math.floor(delta / DAMP) : delta >> 1;
    d += Math.floor(d / points);
    let k = 0;
    while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
      d = Math.floor(d / (BASE - T_MIN));
      k += BASE;
    }
    return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
  };
  const digit = (code: number): number => {
    if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
    if (code >= 65 && code <= 90) return code - 65;
    if (code >= 97 && code <= 122) return code - 97;
    return BASE;
  };
  const output: number[] = [];
  const lastDash = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(lastDash, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let index = lastDash > 0 ? lastDash + 1 : 0; index < input.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined;
      const d = digit(input.charCodeAt(index++));
      if (d >= BASE) return undefined;
      i += d * w;
      if (i > 0x10ffff * 1000) return undefined;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
    }
    const points = output.length + 1;
    bias = adapt(i - oldi, points, oldi === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
