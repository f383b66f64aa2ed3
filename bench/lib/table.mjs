// Plain-text tables for the benchmark report: columns padded to their widest cell, numbers right-aligned.

/**
 * `columns` is a list of header strings; `rows` a list of cell lists (strings or numbers; null or
 * undefined print as "–"). Returns the table as lines joined by "\n", with a rule under the header.
 */
export function formatTable(columns, rows) {
  const cells = rows.map((row) => columns.map((_, index) => cellText(row[index])));
  const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => row[index] === null || row[index] === undefined || typeof row[index] === 'number' || /^[\d.,]+ ?[a-z%×x/]*$/i.test(String(row[index]))));
  const widths = columns.map((header, index) => Math.max(header.length, ...cells.map((row) => row[index].length)));
  const line = (row) => row.map((text, index) => (numeric[index] && index > 0 ? text.padStart(widths[index]) : text.padEnd(widths[index]))).join('  ').trimEnd();
  return [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}

function cellText(value) {
  if (value === null || value === undefined) return '–';
  return String(value);
}

/** A number with a sensible number of digits for a table: 1234 → "1234", 12.345 → "12.3", 0.1234 → "0.123". */
export function round(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value);
  if (magnitude >= 10) return Number(value.toFixed(1));
  if (magnitude >= 1) return Number(value.toFixed(2));
  return Number(value.toPrecision(3));
}

/** "4.2×" for a ratio, or null when either side is missing. */
export function ratio(numerator, denominator) {
  if (!numerator || !denominator || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  return `${round(numerator / denominator)}×`;
}
