import { Argument, From, Instruction } from 'dockerfile-ast';
import { derivedOnce } from './derived.js';

/**
 * dockerfile-ast splits an instruction's arguments afresh on every call of `getRawArguments`, and
 * calls it itself five or six times per RUN while parsing (the constructor, flags, heredocs, the
 * argument range) before docker-policy asks once more. On the corpus that was about a sixth of the
 * CPU of a check without ShellCheck. The split depends only on the instruction's text, which never
 * changes after parsing, so it is done once per instruction and each call gets its own array (callers
 * shift the flags off it). Arguments are never changed, except by FROM: `From.getImageNameRange` moves
 * the ends of its image argument's range, so a FROM's arguments are copied, with their own ranges.
 */

const split = new WeakMap<Instruction, Argument[]>();

type RawArguments = (this: Instruction) => Argument[];

const prototype = Instruction.prototype as unknown as { getRawArguments: RawArguments & { memoized?: true } };
if (!prototype.getRawArguments.memoized) {
  const original = prototype.getRawArguments;
  const memoized = function (this: Instruction): Argument[] {
    const args = derivedOnce(split, this, () => original.call(this));
    if (!(this instanceof From)) return args.slice();
    return args.map((arg) => {
      const range = arg.getRange();
      return new Argument(arg.getValue(), { start: range.start, end: range.end });
    });
  };
  prototype.getRawArguments = Object.assign(memoized, { memoized: true as const });
}
