/**
 * `text` without the trailing characters that are in `characters`. A regex such as `/\/+$/` is
 * retried from every character of a run that does not reach the end, which is quadratic: a word
 * of 100 000 slashes followed by a letter takes seconds. This loop is linear.
 */
export function withoutTrailing(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
