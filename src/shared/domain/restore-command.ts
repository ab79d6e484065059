/**
 * The damaged-database screen's hints for THIS desk's data folder (the restore command itself comes from the main
 * process, which knows how the desk was started). The data folder is the one holding the database file.
 */
export function dataDirOf(databasePath: string): string {
  return databasePath.replace(/[\\/][^\\/]+$/, '') || databasePath;
}

/** Re-anchoring after the chain head was lost: deliberate, named, and on the record. */
export function reanchorCommand(databasePath: string): string {
  return `npm run desk -- reanchor "<your name>" --confirm --data-dir "${dataDirOf(databasePath)}"`;
}
