import { Argument, Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast splits an instruction's arguments afresh on every call of `getRawArguments`, and
 * calls it itself five or six times per RUN while parsing (the constructor, flags, heredocs, the
 * argument range) before docker-policy asks once more. On the corpus that was about a sixth of the
 * CPU of a check without ShellCheck. The split depends only on the instruction's text, which never
 * changes after parsing, so it is done once per instruction and each call gets its own copy: fresh
 * arguments and ranges (`From.getImageNameRange` moves the ends of the range it is given), over the
 * same immutable values and positions.
 */

const split = new WeakMap<Instruction, Argument[]>();

type RawArguments = (this: Instruction) => Argument[];

const prototype = Instruction.prototype as unknown as { getRawArguments: RawArguments & { memoized?: true } };
if (!prototype.getRawArguments.memoized) {
  const original = prototype.getRawArguments;
  const memoized = function (this: Instruction): Argument[] {
    let args = split.get(this);
    if (!args) {
      args = original.call(this);
      split.set(this, args);
    }
    return args.map((arg) => {
      const range = arg.getRange();
      return new Argument(arg.getValue(), { start: range.start, end: range.end });
    });
  };
  prototype.getRawArguments = Object.assign(memoized, { memoized: true as const });
}
