export function kindOf(fileName: string): 'dockerfile' | 'compose' | null;
export function listCorpus(root: string): { dockerfile: string[]; compose: string[] };
