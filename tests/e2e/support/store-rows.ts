import type { Page } from '@playwright/test';

/**
 * Raw IndexedDB writes into the app's store, as a damaged store, an older version of the app
 * or a test fixture would leave rows: nothing of the app's own code runs on the way in. The
 * scripts are strings (the e2e project has no DOM types); their arguments are JSON.
 */
const OPEN = `(run) => new Promise((resolve, reject) => {
  const open = indexedDB.open('lanyard');
  open.onerror = () => reject(new Error('cannot open the store: ' + open.error));
  open.onsuccess = () => {
    const db = open.result;
    const tx = run(db);
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onabort = () => { db.close(); reject(new Error('cannot write the store: ' + tx.error)); };
  };
})`;

/** Sets one value (at `path`) of one stored row. */
export async function damageRow(page: Page, table: string, id: string, path: ReadonlyArray<string | number>, value: unknown): Promise<void> {
  const args = JSON.stringify({ table, id, path, value });
  await page.evaluate(`(${OPEN})((db) => {
    const { table, id, path, value } = ${args};
    const tx = db.transaction(table, 'readwrite');
    const store = tx.objectStore(table);
    const get = store.get(id);
    get.onsuccess = () => {
      const row = get.result;
      let at = row;
      for (const key of path.slice(0, -1)) at = at[key];
      at[path[path.length - 1]] = value;
      store.put(row);
    };
    return tx;
  })`);
}

/** Puts whole rows, `{ table: [rows] }`, in one transaction. */
export async function putRows(page: Page, rows: Record<string, readonly unknown[]>): Promise<void> {
  const args = JSON.stringify(rows);
  await page.evaluate(`(${OPEN})((db) => {
    const rows = ${args};
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [table, list] of Object.entries(rows)) for (const row of list) tx.objectStore(table).put(row);
    return tx;
  })`);
}
