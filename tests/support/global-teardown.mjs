/** Stops the embedded PostgreSQL that global-setup started (and deletes its files). */
export default async function globalTeardown() {
  await globalThis.counterchatTestDatabase?.dispose();
}
