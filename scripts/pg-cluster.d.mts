// Types of scripts/pg-cluster.mjs for the tests that start a throwaway cluster of their own.
export function findPgBin(): string | null;
export function startCluster(bin?: string | null): Promise<{ url: string; dir: string; port: number; stop(): void }>;
