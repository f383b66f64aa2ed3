export const SERVICES_PER_STACK: number;
export interface MonorepoCounts {
  dockerfiles: number;
  compose: number;
  dockerignore: number;
  scripts: number;
  files: number;
}
export function generateMonorepo(root: string, options: { dockerfiles: number; composeFiles: number; seed?: number }): MonorepoCounts;
