import path from 'node:path';

/** Where view-change pictures live: DATA_DIR/view-checks (references, latest check, episodes). */
export const viewCheckDir = (dataDir: string) => path.join(dataDir, 'view-checks');
