export function dataDir(base?: string): string;
export function databaseFile(base?: string): string;
export function databaseUrl(base?: string): string;
export function usesPostgres(): boolean;
export const RECEIPT_KEY: RegExp;
export function receiptsDir(dir: string): string;
export function receiptFile(dir: string, key: string): string;
export function pidFile(dir: string): string;
export function backupKeyFile(dir: string): string;
