export function formatTable(columns: string[], rows: (string | number | null | undefined)[][]): string;
export function round(value: number | null | undefined): number | null;
export function ratio(numerator: number, denominator: number): string | null;
