/** Reading BuildKit vertex names: `[api linux/amd64 deps 2/4] RUN npm ci`. */

export interface StepName {
  service: string | null;
  platform: string | null;
  stage: string | null;
  index: number | null;
  total: number | null;
  instruction: string;
  internal: boolean;
}

const BRACKETED = /^\[([^\]]*)\]\s*(.*)$/s;
const POSITION = /^(\d+)\/(\d+)$/;

/**
 * Split a vertex name into its parts. `services` disambiguates compose prefixes: `[api 2/4]` is
 * service api's single-stage build when api is a known service, stage api otherwise.
 */
export function parseStepName(name: string, services: ReadonlySet<string> = new Set()): StepName {
  const match = BRACKETED.exec(name.trim());
  if (!match) return { service: null, platform: null, stage: null, index: null, total: null, instruction: name.trim(), internal: true };
  const tokens = match[1]!.trim().split(/\s+/).filter(Boolean);
  const instruction = match[2]!.trim();
  let service: string | null = null;
  let platform: string | null = null;
  let index: number | null = null;
  let total: number | null = null;
  const position = tokens.length ? POSITION.exec(tokens[tokens.length - 1]!) : null;
  if (position) {
    index = Number(position[1]);
    total = Number(position[2]);
    tokens.pop();
  }
  const rest: string[] = [];
  for (const token of tokens) {
    if (token.includes('/')) platform = token;
    else rest.push(token);
  }
  const internal = rest[rest.length - 1] === 'internal';
  if (internal) rest.pop();
  if (rest.length >= 2 || (rest.length === 1 && (internal || services.has(rest[0]!)))) service = rest.shift()!;
  const stage = rest.length ? rest.join(' ') : null;
  return { service, platform, stage, index, total, instruction, internal: internal || index === null };
}

/** Services named in compose logs: `[api internal] load build definition …`. */
export function servicesInNames(names: Iterable<string>): Set<string> {
  const services = new Set<string>();
  for (const name of names) {
    const match = /^\[([A-Za-z0-9][\w.-]*) internal\]/.exec(name.trim());
    if (match) services.add(match[1]!);
  }
  return services;
}
