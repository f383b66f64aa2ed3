// A synthetic monorepo for the scaling benchmark: stacks/<stack>/compose.yaml, each building five
// services under services/<team>/<service>/ (multi-stage Dockerfile, often a .dockerignore and
// entrypoint/health scripts). Deterministic: the same seed and counts give the same bytes, and a
// smaller repository is a prefix of a larger one (stack by stack), so sizes compare like for like.
import fs from 'node:fs';
import path from 'node:path';

export const SERVICES_PER_STACK = 5;
const TEAMS = 40;

/** mulberry32: a tiny, fast, seedable PRNG; the quality is ample for picking templates. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)], chance: (p) => next() < p, int: (low, high) => low + Math.floor(next() * (high - low + 1)) };
}

/**
 * Write `dockerfiles` Dockerfiles and `composeFiles` compose files (dockerfiles must be five per
 * compose file) under `root`, plus .dockerignore files and scripts. Returns the counts written.
 */
export function generateMonorepo(root, { dockerfiles, composeFiles, seed = 20261207 }) {
  if (dockerfiles !== composeFiles * SERVICES_PER_STACK) throw new Error(`the monorepo has ${SERVICES_PER_STACK} Dockerfiles per compose file (asked for ${dockerfiles} and ${composeFiles})`);
  const random = createRandom(seed);
  const counts = { dockerfiles: 0, compose: 0, dockerignore: 0, scripts: 0, files: 0 };
  const write = (relative, text, kind) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    counts[kind]++;
    counts.files++;
  };
  for (let stack = 0; stack < composeFiles; stack++) {
    const stackName = `stack-${String(stack).padStart(4, '0')}`;
    const services = [];
    for (let slot = 0; slot < SERVICES_PER_STACK; slot++) {
      const index = stack * SERVICES_PER_STACK + slot;
      const service = { name: `${pickName(random)}-${index}`, team: `team-${String(index % TEAMS).padStart(2, '0')}`, language: random.pick(LANGUAGES), port: 3000 + (index % 5000) };
      service.dir = `services/${service.team}/${service.name}`;
      service.entrypoint = random.chance(0.35);
      service.healthScript = random.chance(0.15);
      if (service.entrypoint) write(`${service.dir}/scripts/entrypoint.sh`, entrypointScript(random, service), 'scripts');
      if (service.healthScript) write(`${service.dir}/scripts/healthcheck.sh`, healthScript(service), 'scripts');
      if (random.chance(0.6)) write(`${service.dir}/.dockerignore`, dockerignore(random, service), 'dockerignore');
      write(`${service.dir}/Dockerfile`, dockerfile(random, service), 'dockerfiles');
      services.push(service);
    }
    write(`stacks/${stackName}/compose.yaml`, compose(random, stackName, services), 'compose');
  }
  return counts;
}

const LANGUAGES = ['node', 'python', 'go', 'java', 'static', 'debian-tool', 'alpine-tool'];
const NAME_PARTS = ['billing', 'auth', 'search', 'catalog', 'orders', 'payments', 'notify', 'gateway', 'reports', 'media', 'users', 'inventory'];
const pickName = (random) => `${random.pick(NAME_PARTS)}-${random.pick(['api', 'worker', 'web', 'sync', 'cron'])}`;

function dockerfile(random, service) {
  const tag = (image, versions) => (random.chance(0.1) ? `${image}:latest` : `${image}:${random.pick(versions)}`);
  const lines = random.chance(0.5) ? ['# syntax=docker/dockerfile:1'] : [];
  lines.push(`# ${service.name} (${service.language}), owned by ${service.team}`);
  const entry = service.entrypoint ? ['COPY scripts/entrypoint.sh /usr/local/bin/entrypoint.sh', 'ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]'] : [];
  const health = service.healthScript ? ['COPY scripts/healthcheck.sh /usr/local/bin/healthcheck.sh', 'HEALTHCHECK --interval=30s --timeout=5s CMD /usr/local/bin/healthcheck.sh'] : [];
  const user = random.chance(0.7) ? ['USER 10001:10001'] : [];
  switch (service.language) {
    case 'node':
      lines.push('ARG NODE_VERSION=22', `FROM ${tag('node', ['${NODE_VERSION}-alpine', '20-bookworm-slim', '22.11.0-alpine3.20'])} AS deps`, 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci --omit=dev');
      lines.push('FROM deps AS build', 'COPY . .', 'RUN npm run build && npm prune --omit=dev');
      lines.push('FROM node:22-alpine AS runtime', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY --from=build --chown=node:node /app/dist ./dist', 'COPY --from=deps /app/node_modules ./node_modules', ...entry, ...health, random.chance(0.7) ? 'USER node' : '# runs as root for now', `EXPOSE ${service.port}`, 'CMD ["node", "dist/server.js"]');
      break;
    case 'python':
      lines.push(`FROM ${tag('python', ['3.12-slim', '3.11-slim-bookworm', '3.13'])} AS builder`, 'WORKDIR /src', 'COPY requirements.txt .', 'RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt');
      lines.push('FROM python:3.12-slim AS runtime', 'WORKDIR /app', 'COPY --from=builder /wheels /wheels', random.chance(0.5) ? 'RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels' : 'RUN pip install /wheels/*', 'COPY . .', ...entry, ...health, ...user, `EXPOSE ${service.port}`, `CMD ["gunicorn", "-b", "0.0.0.0:${service.port}", "app:app"]`);
      break;
    case 'go':
      lines.push(`FROM ${tag('golang', ['1.23', '1.22-alpine', '1.23-bookworm'])} AS build`, 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/server');
      lines.push(random.chance(0.5) ? 'FROM gcr.io/distroless/static-debian12:nonroot AS runtime' : 'FROM scratch AS runtime', 'COPY --from=build /out/app /app', `EXPOSE ${service.port}`, 'ENTRYPOINT ["/app"]');
      break;
    case 'java':
      lines.push(`FROM ${tag('maven', ['3.9-eclipse-temurin-21', '3-eclipse-temurin-17'])} AS build`, 'WORKDIR /build', 'COPY pom.xml .', 'RUN mvn -B dependency:go-offline', 'COPY src ./src', 'RUN mvn -B package -DskipTests');
      lines.push('FROM eclipse-temurin:21-jre AS runtime', 'WORKDIR /opt/app', 'COPY --from=build /build/target/*.jar app.jar', ...entry, ...health, ...user, `EXPOSE ${service.port}`, 'CMD ["java", "-jar", "app.jar"]');
      break;
    case 'static':
      lines.push('FROM node:22-alpine AS build', 'WORKDIR /site', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build');
      lines.push(`FROM ${tag('nginx', ['1.27-alpine', 'stable-alpine', '1.26'])} AS runtime`, 'COPY --from=build /site/dist /usr/share/nginx/html', 'COPY nginx.conf /etc/nginx/conf.d/default.conf', ...health, 'EXPOSE 80');
      break;
    case 'debian-tool':
      // Older-style single-stage images, with the habits the rules exist for.
      lines.push(`FROM ${tag('debian', ['bookworm-slim', '12', 'bookworm'])}`, 'LABEL maintainer="platform@example.com"');
      lines.push(random.chance(0.5) ? 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates jq \\\n    && rm -rf /var/lib/apt/lists/*' : 'RUN apt-get update\nRUN apt-get install curl jq');
      if (random.chance(0.3)) lines.push('ADD https://example.com/tool.tar.gz /tmp/tool.tar.gz');
      lines.push('WORKDIR /opt/tool', 'COPY . .', random.chance(0.3) ? 'RUN cd /opt/tool && ./configure && make' : 'RUN make -C /opt/tool', ...entry, ...user, 'CMD ./run.sh');
      break;
    default:
      lines.push(`FROM ${tag('alpine', ['3.20', '3.21', '3'])}`, 'ARG VERSION=1.0.0', `ENV APP_VERSION=\${VERSION} PORT=${service.port}`, 'RUN apk add --no-cache bash curl tini');
      lines.push('RUN <<EOF', 'set -eu', 'mkdir -p /data /config', 'adduser -D -u 10001 app', 'EOF', 'COPY --chown=10001:10001 . /app', ...entry, ...health, ...user, 'VOLUME /data', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app/bin/run"]');
  }
  return `${lines.join('\n')}\n`;
}

function dockerignore(random, service) {
  const common = ['.git', '.gitignore', '*.md', '.env', '.env.*', 'Dockerfile', '.dockerignore', 'docs/'];
  const byLanguage = { node: ['node_modules', 'npm-debug.log', 'coverage/', 'dist/'], python: ['__pycache__', '*.pyc', '.venv/', '.pytest_cache/'], go: ['bin/', 'vendor/', '*.test'], java: ['target/', '*.iml', '.idea/'] };
  const lines = [...common.filter(() => random.chance(0.7)), ...(byLanguage[service.language] ?? ['tmp/', '*.log'])];
  if (random.chance(0.2)) lines.push('!README.md');
  return `${lines.join('\n')}\n`;
}

function entrypointScript(random, service) {
  const lines = ['#!/bin/sh', 'set -eu', '', `echo "starting ${service.name}"`];
  if (random.chance(0.5)) lines.push('if [ -n "${WAIT_FOR:-}" ]; then', '  until nc -z $WAIT_FOR; do sleep 1; done', 'fi');
  if (random.chance(0.3)) lines.push('for file in /docker-entrypoint.d/*.sh; do', '  [ -x "$file" ] && . "$file"', 'done');
  lines.push('exec "$@"');
  return `${lines.join('\n')}\n`;
}

function healthScript(service) {
  return `#!/bin/sh\ncurl -fsS "http://127.0.0.1:${service.port}/healthz" > /dev/null || exit 1\n`;
}

function compose(random, stackName, services) {
  const anchor = random.chance(0.4);
  const out = [];
  if (anchor) out.push('x-defaults: &defaults', '  restart: unless-stopped', '  logging:', '    driver: json-file', '    options:', '      max-size: "10m"', '');
  out.push(`name: ${stackName}`, 'services:');
  const database = random.chance(0.5);
  if (database) {
    out.push('  db:', `    image: postgres:${random.pick(['16', '16.4-alpine', '15'])}`, '    environment:', '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password', '    volumes:', '      - db-data:/var/lib/postgresql/data');
    out.push('    healthcheck:', '      test: ["CMD-SHELL", "pg_isready -U postgres"]', '      interval: 10s', '      retries: 5');
  }
  services.forEach((service, slot) => {
    out.push(`  ${service.name}:`);
    if (anchor) out.push('    <<: *defaults');
    out.push('    build:', `      context: ../../${service.dir}`);
    if (random.chance(0.3)) out.push('      dockerfile: Dockerfile');
    if (['node', 'python', 'java', 'static'].includes(service.language)) out.push('      target: runtime');
    if (random.chance(0.25)) out.push('      args:', `        BUILD_ID: "${stackName}-${slot}"`);
    out.push(`    image: registry.example.com/${service.team}/${service.name}:\${TAG:-1.0.${slot}}`);
    if (random.chance(0.6)) out.push('    ports:', random.chance(0.5) ? `      - "127.0.0.1:${service.port}:${service.port}"` : `      - "${service.port}:${service.port}"`);
    out.push('    environment:', `      - PORT=${service.port}`, `      - SERVICE_NAME=${service.name}`);
    if (database) out.push('      - DATABASE_HOST=db');
    if (database && random.chance(0.7)) out.push('    depends_on:', '      db:', '        condition: service_healthy');
    else if (slot > 0 && random.chance(0.5)) out.push('    depends_on:', `      - ${services[0].name}`);
    if (!anchor && random.chance(0.6)) out.push(`    restart: ${random.pick(['always', 'on-failure', 'unless-stopped'])}`);
    if (random.chance(0.3)) out.push('    deploy:', '      resources:', '        limits:', `          memory: ${random.pick(['256M', '512M', '1G'])}`, `          cpus: "${random.pick(['0.5', '1', '2'])}"`);
    if (random.chance(0.2)) out.push('    profiles: ["debug"]');
    out.push('    networks: [backend]');
  });
  out.push('networks:', '  backend: {}');
  if (database) out.push('volumes:', '  db-data: {}', 'secrets:', '  db_password:', '    file: ./db_password.txt');
  return `${out.join('\n')}\n`;
}
