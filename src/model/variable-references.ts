/** A `$NAME` or `${NAME…}` reference in Dockerfile text; offsets are relative to the text scanned. */
export interface VariableReference {
  name: string;
  start: number;
  end: number;
}

/**
 * The variable references the Dockerfile would substitute in a word as written (quotes
 * included): not inside single quotes, and not after the escape character (`\$HOME` is literal).
 */
export function variableReferences(raw: string, escapeChar = '\\'): VariableReference[] {
  const references: VariableReference[] = [];
  let singleQuoted = false;
  let doubleQuoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === escapeChar && !singleQuoted) {
      i++;
      continue;
    }
    if (ch === "'" && !doubleQuoted) singleQuoted = !singleQuoted;
    else if (ch === '"' && !singleQuoted) doubleQuoted = !doubleQuoted;
    if (ch !== '$' || singleQuoted) continue;
    const braced = raw[i + 1] === '{';
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + (braced ? 2 : 1)));
    if (!match) continue;
    const nameEnd = i + (braced ? 2 : 1) + match[0].length;
    const close = braced ? raw.indexOf('}', nameEnd) : -1;
    references.push({ name: match[0], start: i, end: braced && close >= 0 ? close + 1 : nameEnd });
    // Keep scanning inside `${A:-$B}`: the default may reference other variables.
    i = nameEnd - 1;
  }
  return references;
}

/** True when the text uses a variable: its value is only known at build time. */
export function hasVariableReference(raw: string, escapeChar = '\\'): boolean {
  return variableReferences(raw, escapeChar).length > 0;
}
