import path from 'node:path';
import { rangeOfNode } from '../src/model/compose.js';
import type { Rule } from '../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'depends-on-profile',
    description: 'A service without a profile must not require a service that exists only under a profile.',
    severity: 'error',
    presets: ['recommended'],
    fileKinds: ['compose'],
    docs: {
      rationale:
        'When the profile is not active, compose drops the profiled service and then refuses the project: `service "api" depends on undefined service "base": invalid compose project`. This typically happens when build-only services are moved under a `build` profile.',
      bad: { filename: 'compose.yaml', code: 'services:\n  base:\n    build: .\n    image: app-base:1\n    profiles: ["build"]\n  api:\n    build: ./api\n    depends_on:\n      - base\n' },
      good: { filename: 'compose.yaml', code: 'services:\n  base:\n    build: .\n    image: app-base:1\n    command: "true"\n    restart: "no"\n  api:\n    build: ./api\n    depends_on:\n      - base\n' },
      notes: 'Fixes: mark the dependency `required: false`, drop the profile and make the service exit at once (`command: "true"` with `restart: "no"`), or give the dependant the same profile. Services of the other compose files in the same directory count.',
    },
  },
  check(context) {
    // Profiles per service name, across the compose files of a directory (override files merge).
    const byDirectory = new Map<string, Map<string, string[]>>();
    for (const compose of context.project.composeFiles) {
      const directory = path.dirname(compose.file.path);
      const services = byDirectory.get(directory) ?? new Map<string, string[]>();
      for (const service of compose.services) {
        if (!services.has(service.name) || service.node?.has('profiles')) services.set(service.name, service.profiles);
      }
      byDirectory.set(directory, services);
    }
    for (const compose of context.project.composeFiles) {
      const services = byDirectory.get(path.dirname(compose.file.path))!;
      for (const service of compose.services) {
        if ((services.get(service.name) ?? []).length) continue;
        for (const dependency of service.dependsOn) {
          if (!dependency.required) continue;
          const targetProfiles = services.get(dependency.service) ?? [];
          if (!targetProfiles.length) continue;
          const profiles = targetProfiles.map((profile) => `"${profile}"`).join(', ');
          context.report({
            file: compose.file,
            range: rangeOfNode(compose.file, dependency.node),
            message: `Service "${service.name}" has no profile but requires "${dependency.service}", which only exists under profile ${profiles}; without that profile compose rejects the project. Mark the dependency \`required: false\`, make "${dependency.service}" exit on start (\`command: "true"\` + \`restart: "no"\`) instead of using a profile, or give "${service.name}" the same profile.`,
          });
        }
      }
    }
  },
};

export default rule;
