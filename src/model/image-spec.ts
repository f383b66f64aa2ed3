/**
 * Platform strings (`linux/arm64/v8`) and image references, checked the way containerd's
 * `platforms.Parse` and distribution's reference grammar check them, without a registry.
 */

export interface Platform {
  os: string;
  architecture: string;
  variant: string | null;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const ARCH_ALIASES: Record<string, [string, string | null]> = {
  i386: ['386', null],
  x86_64: ['amd64', null],
  'x86-64': ['amd64', null],
  aarch64: ['arm64', null],
  armhf: ['arm', 'v7'],
  armel: ['arm', 'v6'],
};

/** Parse `os[/arch[/variant]]` (or a lone architecture); the error says what is wrong. */
export function parsePlatform(text: string): { platform: Platform } | { error: string } {
  const parts = text.trim().toLowerCase().split('/');
  if (!text.trim() || parts.length > 3 || parts.some((part) => !/^[a-z0-9_.-]+(\([^)]*\))?$/.test(part))) return { error: `"${text}" is not a platform: write os/arch[/variant], e.g. linux/amd64` };
  const normalizeArch = (arch: string, variant: string | null): [string, string | null] => ARCH_ALIASES[arch] ? [ARCH_ALIASES[arch][0], variant ?? ARCH_ALIASES[arch][1]] : [arch, variant];
  if (parts.length === 1) {
    const only = parts[0]!.replace(/\(.*\)$/, '');
    if (KNOWN_OS.has(only)) return { platform: { os: only, architecture: 'amd64', variant: null } };
    const [architecture, variant] = normalizeArch(only, null);
    if (KNOWN_ARCH.has(architecture)) return { platform: { os: 'linux', architecture, variant } };
    return { error: `"${text}" is neither a known operating system nor a known architecture` };
  }
  const os = parts[0]!.replace(/\(.*\)$/, '');
  const [architecture, variant] = normalizeArch(parts[1]!, parts[2] ?? null);
  if (!KNOWN_OS.has(os)) return { error: `unknown operating system "${os}" in platform "${text}"` };
  if (!KNOWN_ARCH.has(architecture)) return { error: `unknown architecture "${parts[1]}" in platform "${text}" (known: amd64, arm64, arm, 386, ppc64le, s390x, riscv64, …)` };
  return { platform: { os, architecture, variant } };
}

/** The platform a constant `--platform` value names; null for variables, empty or malformed values. */
export function constantPlatform(value: string | null | undefined): Platform | null {
  if (!value?.trim() || value.includes('$')) return null;
  const parsed = parsePlatform(value);
  return 'platform' in parsed ? parsed.platform : null;
}

export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

/** Same OS and architecture (what BuildKit compares for InvalidBaseImagePlatform). */
export function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture;
}

// The grammar of github.com/distribution/reference.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Why `reference` is not a valid image reference (as `docker pull` would parse it), or null when it is. */
export function invalidReferenceReason(reference: string): string | null {
  if (!reference) return 'it is empty';
  if (/^[a-f0-9]{64}$/.test(reference)) return 'a 64-character hexadecimal string is an image ID, not a reference';
  // A first component with `.` or `:`, or `localhost`, is a registry; otherwise the name is on Docker Hub.
  const slash = reference.indexOf('/');
  const first = slash > 0 ? reference.slice(0, slash) : '';
  const hasDomain = first !== '' && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const withoutDomain = hasDomain ? reference.slice(slash + 1) : reference;
  if (withoutDomain.replace(/[:@].*$/, '') !== withoutDomain.replace(/[:@].*$/, '').toLowerCase()) return 'repository names must be lowercase';
  const match = REFERENCE.exec(reference);
  if (!match) {
    if (/:$/.test(reference) || /:@/.test(reference)) return 'the tag after ":" is empty';
    if (/@$/.test(reference)) return 'the digest after "@" is empty';
    return 'it does not match [registry/]name[:tag][@digest]';
  }
  if (match[2]!.length > 255) return 'the repository name is longer than 255 characters';
  return null;
}

export interface PortSpec {
  /** `[ip:][hostPort:]containerPort[/proto]`, split the way BuildKit splits EXPOSE words. */
  ip: string;
  hostPort: string;
  containerPort: string;
  /** As written (may be empty: tcp). */
  proto: string;
  /** Why BuildKit would reject the word (the build fails), or null. */
  error: string | null;
}

/** Parse one EXPOSE word as BuildKit does. */
export function parsePortSpec(raw: string): PortSpec {
  const parts = raw.split(':');
  const containerPart = parts[parts.length - 1]!;
  const hostPort = parts.length >= 2 ? parts[parts.length - 2]! : '';
  const ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const slash = containerPart.indexOf('/');
  const containerPort = slash >= 0 ? containerPart.slice(0, slash) : containerPart;
  const proto = slash >= 0 ? containerPart.slice(slash + 1) : '';
  let error: string | null = null;
  if (!containerPort) error = 'no port number';
  else if (!['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) error = `unknown protocol "${proto}" (tcp, udp or sctp)`;
  else if (!validRange(containerPort)) error = `"${containerPort}" is not a port number or range (0-65535)`;
  return { ip, hostPort, containerPort, proto, error };
}

function validRange(text: string): boolean {
  const [start, end] = text.split('-', 2) as [string, string | undefined];
  const number = (value: string) => (/^\d+$/.test(value) && Number(value) <= 65535 ? Number(value) : null);
  const first = number(start);
  if (first === null) return false;
  if (end === undefined || end === start) return true;
  const last = number(end);
  return last !== null && last >= first;
}
