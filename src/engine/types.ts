import type { Project } from '../model/project.js';
import type { FileKind, Range, SourceFile } from '../model/source.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type PresetName = 'recommended' | 'strict';

/** One text replacement, in offsets of the file's text. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

/** The public, stable shape of a finding (JSON output version 1). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the current directory, POSIX separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  aliases: string[];
  fix?: Fix;
}

export interface RuleDocs {
  /** Why the rule exists: the cost of the problem it catches. */
  rationale: string;
  bad: { code: string; filename?: string };
  good: { code: string; filename?: string };
  /** Edge cases, options and related rules. */
  notes?: string;
}

/** A small JSON Schema subset, enough for rule options and editor tooling. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  additionalProperties?: boolean;
}

export interface RuleMeta {
  /** kebab-case, equals the file name in rules/. */
  id: string;
  /** Other names users know the check by: hadolint codes, BuildKit check names, dclint names. */
  aliases?: string[];
  description: string;
  severity: Severity;
  /** Presets that enable the rule; every rule is in `all`. */
  presets: PresetName[];
  fileKinds: FileKind[];
  fixable?: boolean;
  options?: { schema: OptionsSchema; defaults: Record<string, unknown> };
  docs: RuleDocs;
  /** For rules that report codes (`Report.code`): the documentation of one code, `{code}` replaced. */
  codeUrl?: string;
}

export interface Report {
  file: SourceFile;
  range: Range;
  message: string;
  fix?: Fix;
  /**
   * A milder severity for this finding than the rule's (an advisory next to real problems). The
   * configured severity is the ceiling: a finding never comes out more severe than the rule is set.
   */
  severity?: Severity;
  /**
   * A code within the rule (ShellCheck's `SC2086`): the finding's ID becomes `<rule>/<code>`, its
   * alias is the code, and suppressions by the rule ID, the full ID or the code all apply.
   */
  code?: string;
}

export interface RuleContext {
  readonly project: Project;
  /** The rule's options: its defaults overlaid with the configuration. */
  readonly options: Record<string, unknown>;
  /** `settings` from the configuration, shared by all rules. */
  readonly settings: Record<string, unknown>;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure: reads the project model and reports. No file system, no processes, no output. */
  check(context: RuleContext): void;
  /**
   * Loads what `check` needs before it runs, when the project has something for the rule (a large
   * library such as a schema validator is then only loaded by runs that use it). No file I/O.
   */
  prepare?(project: RuleContext['project']): Promise<void>;
}
