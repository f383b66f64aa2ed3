import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { interpolateCompose, type ComposeService } from './compose.js';
import { mapEntry, resolveAlias, scalarText } from './compose-values.js';
import { expandVariables } from './variables.js';

/**
 * Compose `ports:` entries, short syntax `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]`
 * (IPv6 host addresses bare or in brackets) and long syntax (`target`, `published`, `host_ip`,
 * `protocol`), split the way Docker's port-spec parser splits them.
 */

export interface PortRange {
  start: number;
  end: number;
}

export interface PortSpec {
  /** Host address as written, brackets removed; '' when none is given (every interface). */
  hostIp: string;
  /** Published host ports; null when Docker picks a free one. */
  host: PortRange | null;
  container: PortRange | null;
  protocol: string;
}

export interface PortEntry {
  /** The `ports:` list item (a scalar or a long-syntax mapping). */
  node: Node;
  /** Where findings about the published port point: the item, or `published` in long syntax. */
  publishedNode: Node;
  syntax: 'short' | 'long';
  /** The entry as text after interpolation (long syntax rendered as `ip:published:target/protocol`). */
  text: string;
  /** null when the entry cannot be parsed. */
  spec: PortSpec | null;
  /** Parts that depend on variables with no value (`${HOST_IP}:80:80`): not known until run time. */
  unknown: { hostIp: boolean; host: boolean };
  /** The host address and port fields as written, before interpolation ('' when absent). */
  written: { hostIp: string; host: string };
}

// Stands for a variable with no value, so the parser still sees the entry's structure.
const UNKNOWN = '\u0000';

function parseRange(text: string): PortRange | null | 'invalid' {
  if (text === '') return null;
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return 'invalid';
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535 || end < start) return 'invalid';
  return { start, end };
}

/** Split a short-syntax entry. Returns null for text Docker would reject. */
export function parsePortSpec(text: string): PortSpec | null {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  let hostText = '';
  let containerText: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return null;
    hostIp = rest.slice(1, close);
    const remainder = rest.slice(close + 2).split(':');
    if (remainder.length !== 2) return null;
    [hostText, containerText] = remainder as [string, string];
  } else {
    const parts = rest.split(':');
    if (parts.length === 1) containerText = parts[0]!;
    else if (parts.length === 2) [hostText, containerText] = parts as [string, string];
    else {
      containerText = parts[parts.length - 1]!;
      hostText = parts[parts.length - 2]!;
      hostIp = parts.slice(0, -2).join(':').replace(/^\[|\]$/g, '');
    }
  }
  const host = parseRange(hostText);
  const container = parseRange(containerText);
  if (host === 'invalid' || container === 'invalid' || container === null) return null;
  return { hostIp, host, container, protocol };
}

/** Interpolate, keeping variables with no value visible as UNKNOWN. */
function expand(service: ComposeService, text: string): string {
  const environment = service.compose.environment;
  const first = interpolateCompose(text, environment);
  if (!first.unresolved.length) return first.value;
  const missing = new Set(first.unresolved);
  return expandVariables(text, (name) => (Object.prototype.hasOwnProperty.call(environment, name) ? environment[name] : missing.has(name) ? UNKNOWN : undefined), { dollarDollar: true }).value;
}

function shortEntry(service: ComposeService, node: Node, raw: string): PortEntry {
  const expanded = expand(service, raw);
  const spec = parsePortSpec(expanded.replaceAll(UNKNOWN, '0'));
  const fields = splitFields(expanded);
  // A variable in the container field may hide more fields (`${PORTS}` = "127.0.0.1:80:80").
  const opaque = fields.container.includes(UNKNOWN);
  const unknown = { hostIp: opaque || fields.hostIp.includes(UNKNOWN), host: opaque || fields.host.includes(UNKNOWN) };
  const rawFields = splitFields(raw);
  return { node, publishedNode: node, syntax: 'short', text: expanded.replaceAll(UNKNOWN, '?'), spec, unknown, written: { hostIp: rawFields.hostIp, host: rawFields.host } };
}

/** The raw fields of a short-syntax entry, to tell which ones hold unknown variables. */
function splitFields(text: string): { hostIp: string; host: string; container: string } {
  const withoutProtocol = text.replace(/\/[^/]*$/, '');
  const close = withoutProtocol.startsWith('[') ? withoutProtocol.indexOf(']') : -1;
  const parts = close > 0 ? [withoutProtocol.slice(0, close + 1), ...withoutProtocol.slice(close + 2).split(':')] : withoutProtocol.split(':');
  const container = parts[parts.length - 1]!;
  if (parts.length === 1) return { hostIp: '', host: '', container };
  if (parts.length === 2) return { hostIp: '', host: parts[0]!, container };
  return { hostIp: parts.slice(0, -2).join(':'), host: parts[parts.length - 2]!, container };
}

function longEntry(service: ComposeService, node: YAMLMap): PortEntry {
  const document = service.compose.document;
  const field = (key: string) => {
    const entry = mapEntry(document, node, key);
    const text = entry ? scalarText(document, entry.value) : null;
    return { node: entry?.value ?? null, text: text === null ? null : expand(service, text), raw: text ?? '' };
  };
  const target = field('target');
  const published = field('published');
  const hostIp = field('host_ip');
  const protocol = (field('protocol').text ?? 'tcp').toLowerCase();
  const host = published.text === null ? null : parseRange(published.text.replaceAll(UNKNOWN, '0'));
  const container = target.text === null ? null : parseRange(target.text.replaceAll(UNKNOWN, '0'));
  const ip = (hostIp.text ?? '').replace(/^\[|\]$/g, '');
  const spec = host === 'invalid' || container === 'invalid' || container === null ? null : { hostIp: ip, host, container, protocol };
  const text = `${ip ? `${ip}:` : ''}${published.text ? `${published.text}:` : ''}${target.text ?? ''}/${protocol}`.replaceAll(UNKNOWN, '?');
  return {
    node,
    publishedNode: published.node ?? node,
    syntax: 'long',
    text,
    spec,
    unknown: { hostIp: ip.includes(UNKNOWN), host: (published.text ?? '').includes(UNKNOWN) },
    written: { hostIp: hostIp.raw, host: published.raw },
  };
}

/** The entries of a service's `ports:` list, in order. */
export function servicePorts(service: ComposeService): PortEntry[] {
  const document = service.compose.document;
  const ports = resolveAlias(document, service.get('ports'));
  if (!isSeq(ports)) return [];
  const entries: PortEntry[] = [];
  for (const item of ports.items as Node[]) {
    const value = resolveAlias(document, item);
    if (isMap(value)) entries.push(longEntry(service, value as YAMLMap));
    else {
      const raw = scalarText(document, value);
      if (raw !== null) entries.push(shortEntry(service, item, raw));
    }
  }
  return entries;
}

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::']);

/** Two host addresses can clash: the same address, or one of them is every address. */
export function addressesOverlap(a: string, b: string): boolean {
  return a === b || ANY_ADDRESS.has(a) || ANY_ADDRESS.has(b);
}

export function formatRange(range: PortRange): string {
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}
