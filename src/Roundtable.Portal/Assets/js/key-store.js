// One IndexedDB object store per kind of key kept in this browser (member-key.js, passkey.js):
// `transact(mode, work)` opens the database, runs `work(store)` in one transaction and resolves
// with its request's result once the transaction completes.

export function keyStore(databaseName, storeName) {
  function database() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  return async function transact(mode, work) {
    const db = await database();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const request = work(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request?.result);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
}
