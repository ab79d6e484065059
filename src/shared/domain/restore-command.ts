/**
 * restore-1: the exact command that restores THIS desk's data folder, for the damaged-database screen and the
 * backups page. Both paths are quoted (folders with spaces); the data folder is the one holding the database file.
 */
export function dataDirOf(databasePath: string): string {
  return databasePath.replace(/[\\/][^\\/]+$/, '') || databasePath;
}

export function restoreCommand(backupPath: string, databasePath: string): string {
  return `npm run desk -- restore "${backupPath}" --data-dir "${dataDirOf(databasePath)}"`;
}

/** Re-anchoring after the chain head was lost: deliberate, named, and on the record. */
export function reanchorCommand(databasePath: string): string {
  return `npm run desk -- reanchor "<your name>" --confirm --data-dir "${dataDirOf(databasePath)}"`;
}
