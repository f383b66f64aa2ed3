import { composeProjectsOf } from '../src/model/compose-queries.js';
import { rangeOfOrigin } from '../src/model/compose-tree.js';
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
      notes: 'Fixes: mark the dependency `required: false`, drop the profile and make the service exit at once (`command: "true"` with `restart: "no"`), or give the dependant the same profile. The compose files used together are merged first (a profile set in `compose.override.yaml` counts). Profiles given with `--profile` or `settings.compose.profiles` (or COMPOSE_PROFILES in `.env`) are active; a service under a profile is checked with that profile switched on.',
    },
  },
  check(context) {
    for (const project of composeProjectsOf(context.project)) {
      for (const service of project.services) {
        // The profile sets that start this service: the active ones, or each of its own profiles added to them.
        const profileSets = service.active ? [project.activeProfiles] : service.profiles.map((profile) => [...project.activeProfiles, profile]);
        for (const dependency of service.dependsOn) {
          if (!dependency.required) continue;
          const target = project.service(dependency.service);
          if (!target?.profiles.length) continue;
          const failing = profileSets.find((profiles) => !project.isActive(target, profiles));
          if (!failing) continue;
          const profiles = target.profiles.map((profile) => `"${profile}"`).join(', ');
          const when = service.profiles.length
            ? `Service "${service.name}" (profile ${service.profiles.map((profile) => `"${profile}"`).join(', ')}) requires "${dependency.service}", which only exists under profile ${profiles}; with only ${failing.map((profile) => `--profile ${profile}`).join(' ')} compose rejects the project.`
            : `Service "${service.name}" has no profile but requires "${dependency.service}", which only exists under profile ${profiles}; without that profile compose rejects the project.`;
          context.report({
            file: dependency.origin.file,
            range: rangeOfOrigin(dependency.origin),
            message: `${when} Mark the dependency \`required: false\`, make "${dependency.service}" exit on start (\`command: "true"\` + \`restart: "no"\`) instead of using a profile, or give "${service.name}" the same profile.`,
          });
        }
      }
    }
  },
};

export default rule;
