// One label schema for the label rules' tests, as a team would configure it.
export const settings = {
  labelSchema: {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.version': 'semver',
    maintainer: 'email',
    'org.opencontainers.image.title': 'text',
  },
};
export const withSchema = <T extends { files: string | Record<string, string> }>(cases: T[]) => cases.map((testCase) => ({ settings, ...testCase }));
