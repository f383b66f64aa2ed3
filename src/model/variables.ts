export interface ExpansionOptions {
  /** Dockerfile escape character: `\$` is a literal dollar. */
  escapeChar?: string;
  /** Compose: `$$` is a literal dollar. */
  dollarDollar?: boolean;
  /**
   * Compose's template rules: `${` that does not hold a valid expression (`${}`, `${1}`, `${A:x}`,
   * an unclosed `${A`) is an error, listed in `invalid`, instead of literal text.
   */
  strictBraces?: boolean;
}

export interface Expansion {
  value: string;
  /** Variables with no value and no default (`${VAR}`, `$VAR`, `${VAR?err}`). */
  unresolved: string[];
  /** Every variable name referenced. */
  used: string[];
  /** `${VAR:?message}` / `${VAR?message}` whose variable is unset, with the message. */
  required: { name: string; message: string }[];
  /** With `strictBraces`: the `${…}` texts compose rejects as invalid templates. */
  invalid?: string[];
}

/**
 * Shell-style parameter expansion as Dockerfiles and compose files do it: `$VAR`, `${VAR}`,
 * `${VAR:-d}`, `${VAR-d}`, `${VAR:+a}`, `${VAR+a}`, `${VAR:?e}`, `${VAR?e}`, nested defaults.
 * Unknown variables expand to ''.
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined, options: ExpansionOptions = {}): Expansion {
  const result: Expansion = { value: '', unresolved: [], used: [], required: [] };
  const escapeChar = options.escapeChar ?? '\\';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if ((ch === escapeChar && next === '$' && !options.dollarDollar) || (ch === '$' && next === '$' && options.dollarDollar)) {
      result.value += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      result.value += ch;
      i++;
      continue;
    }
    if (next === '{') {
      const close = findClosingBrace(text, i + 2);
      if (close < 0) {
        if (options.strictBraces) (result.invalid ??= []).push(text.slice(i));
        result.value += text.slice(i);
        break;
      }
      expandBraced(text.slice(i + 2, close), text.slice(i, close + 1), lookup, options, result);
      i = close + 1;
      continue;
    }
    const simple = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (simple) {
      const name = simple[0];
      const current = lookup(name);
      result.used.push(name);
      if (current === undefined) result.unresolved.push(name);
      result.value += current ?? '';
      i += 1 + name.length;
      continue;
    }
    result.value += ch;
    i++;
  }
  return result;
}

function expandBraced(body: string, written: string, lookup: (name: string) => string | undefined, options: ExpansionOptions, result: Expansion): void {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
  if (!match) {
    if (options.strictBraces) (result.invalid ??= []).push(written);
    result.value += written;
    return;
  }
  const name = match[1]!;
  const operator = match[2];
  const operand = match[3] ?? '';
  const current = lookup(name);
  const isSet = current !== undefined;
  const isNonEmpty = isSet && current !== '';
  const colon = operator?.startsWith(':');
  const present = colon ? isNonEmpty : isSet;
  result.used.push(name);
  const nested = () => {
    const inner = expandVariables(operand, lookup, options);
    result.unresolved.push(...inner.unresolved);
    result.used.push(...inner.used);
    result.required.push(...inner.required);
    if (inner.invalid?.length) (result.invalid ??= []).push(...inner.invalid);
    return inner.value;
  };
  switch (operator?.replace(':', '')) {
    case undefined:
      if (!isSet) result.unresolved.push(name);
      result.value += current ?? '';
      break;
    case '-':
      result.value += present ? current : nested();
      break;
    case '+':
      if (present) result.value += nested();
      break;
    default:
      if (!present) {
        result.unresolved.push(name);
        // Compose interpolates the message too (`${A:?set A, e.g. $$HOME}`).
        const message = options.strictBraces ? expandVariables(operand, lookup, options).value : operand;
        result.required.push({ name, message });
      }
      result.value += current ?? '';
  }
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
