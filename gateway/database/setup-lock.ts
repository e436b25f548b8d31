import type { DataSource } from 'typeorm';

/**
 * Two gateways started at the same moment on a new database would both run the migrations
 * (TypeORM takes no lock of its own) and then fail on each other's tables. A session-level
 * advisory lock, held on a connection of its own, makes the second one wait and then find
 * nothing left to do.
 */
export async function underSetupLock<T>(owner: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = owner.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('counterchat:setup'))`);
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('counterchat:setup'))`);
    }
  } finally {
    await runner.release();
  }
}
