/** Colour when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function shouldColor(allowed: boolean): boolean {
  if (!allowed) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  if (process.env.NO_COLOR) return false;
  return Boolean(process.stdout.isTTY);
}
