import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCATION_FILE, locateCluster } from '../../../gateway/database/cluster-location.js';
import { postgresAccount, type PostgresAccount } from '../../../gateway/database/postgres-account.js';
import { StartupError } from '../../../gateway/errors/startup-error.js';

const asRoot = process.getuid?.() === 0;
const modeOf = async (folder: string) => ((await stat(folder)).mode & 0o7777).toString(8).padStart(4, '0');

/**
 * Where the embedded cluster of a DATA_DIR lives. Run as root, PostgreSQL runs as the
 * `postgres` user; a private folder in a temporary directory stands for /root here, and the
 * clusters folder root keeps is a temporary one too.
 */
describe('where the embedded cluster lives', () => {
  let work: string;
  let clusters: string;
  let account: PostgresAccount | undefined;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'counterchat-cluster-location-'));
    // Open, like / and /var/lib: only the folders a test closes keep the postgres user out.
    await chmod(work, 0o755);
    clusters = path.join(work, 'var-lib', 'clusters');
    account = await postgresAccount();
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  /** A DATA_DIR at `relative` below `work`, with its folders' modes as given (outermost first). */
  async function dataDirAt(relative: string, modes: Record<string, number> = {}): Promise<string> {
    const dataDir = path.join(work, relative);
    await mkdir(dataDir, { recursive: true });
    for (const [folder, mode] of Object.entries(modes)) await chmod(path.join(work, folder), mode);
    return dataDir;
  }

  it('keeps the cluster in a DATA_DIR the postgres user can enter (or when not run as root), and writes no location file', async () => {
    const dataDir = await dataDirAt('open/data');
    expect(await locateCluster(path.join(dataDir, 'postgres'), account, clusters)).toEqual({ directory: path.join(dataDir, 'postgres') });
    expect(await readdir(dataDir)).toEqual([]);
  });

  (asRoot ? describe : describe.skip)('as root', () => {
    it('lets the postgres group through a DATA_DIR only root may enter (mktemp -d), and keeps the cluster in it', async () => {
      const dataDir = await dataDirAt('mktemp/data', { 'mktemp/data': 0o700 });
      expect(await locateCluster(path.join(dataDir, 'postgres'), account, clusters)).toEqual({ directory: path.join(dataDir, 'postgres') });
      const info = await stat(dataDir);
      expect([info.uid, info.gid, await modeOf(dataDir)]).toEqual([0, account!.gid, '0710']);
    });

    it('keeps the cluster of a DATA_DIR inside a folder closed to the postgres user (a clone under /root) where root keeps clusters, and records where', async () => {
      const dataDir = await dataDirAt('root/counterchat/data', { root: 0o700 });
      const wanted = path.join(dataDir, 'postgres');
      const location = await locateCluster(wanted, account, clusters);
      expect(location).toEqual({
        directory: expect.stringMatching(new RegExp(`^${clusters}/data-[0-9a-f]{12}/postgres$`)),
        relocatedBecause: `DATA_DIR is inside ${path.join(work, 'root')}, which the postgres user cannot enter`,
        locationFile: path.join(dataDir, LOCATION_FILE),
      });
      expect(await readFile(path.join(dataDir, LOCATION_FILE), 'utf8')).toBe(`${location.directory}\n`);
      // Root's folders stay root's and closed to writes by anyone else; the folder /root stands for is not opened.
      for (const folder of [clusters, path.dirname(location.directory)]) {
        const info = await stat(folder);
        expect([folder, info.uid, await modeOf(folder)]).toEqual([folder, 0, '0755']);
      }
      expect(await modeOf(path.join(work, 'root'))).toBe('0700');

      // The same DATA_DIR finds it again.
      expect(await locateCluster(wanted, account, clusters)).toEqual(location);
    });

    it('moves aside, never deletes, a cluster its DATA_DIR does not name (left by an earlier DATA_DIR at that path)', async () => {
      const dataDir = await dataDirAt('root-again/data', { 'root-again': 0o700 });
      const first = await locateCluster(path.join(dataDir, 'postgres'), account, clusters);
      await mkdir(first.directory, { recursive: true });
      await writeFile(path.join(first.directory, 'PG_VERSION'), '18\n');
      await rm(dataDir, { recursive: true });
      await mkdir(dataDir);

      const again = await locateCluster(path.join(dataDir, 'postgres'), account, clusters);
      expect(again.directory).toBe(first.directory);
      const slot = path.basename(path.dirname(first.directory));
      const aside = (await readdir(clusters)).filter((name) => name.startsWith(`${slot}.replaced-`));
      expect(aside).toHaveLength(1);
      expect(await readFile(path.join(clusters, aside[0]!, 'postgres', 'PG_VERSION'), 'utf8')).toBe('18\n');
    });

    it('leaves alone, with one sentence, a database already in a DATA_DIR the postgres user cannot reach', async () => {
      const dataDir = await dataDirAt('root-with-data/data', {});
      await mkdir(path.join(dataDir, 'postgres'));
      await writeFile(path.join(dataDir, 'postgres', 'PG_VERSION'), '18\n');
      await chmod(path.join(work, 'root-with-data'), 0o700);
      const closed = path.join(work, 'root-with-data');
      const error = await locateCluster(path.join(dataDir, 'postgres'), account, clusters).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `The embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses to run as root), which cannot enter ${closed} (owner root, mode 0700) to reach the database already in ${dataDir}/postgres: ` +
          `let it in (chgrp postgres ${closed} && chmod g+x ${closed}), move DATA_DIR somewhere it can enter (such as /var/lib/counterchat), or set DATABASE_URL.`,
      );
      await expect(readdir(dataDir)).resolves.toEqual(['postgres']);
    });

    it("does not take a DATA_DIR's group away from it: one whose group may enter it gets its cluster where root keeps clusters", async () => {
      const dataDir = await dataDirAt('shared/data', { 'shared/data': 0o750 });
      const location = await locateCluster(path.join(dataDir, 'postgres'), account, clusters);
      expect(location.relocatedBecause).toBe(`DATA_DIR is closed to the postgres user (owner root, mode 0750)`);
      expect([(await stat(dataDir)).gid, await modeOf(dataDir)]).toEqual([0, '0750']);
    });

    it('refuses, with one sentence, a clusters folder that others may write to', async () => {
      const dataDir = await dataDirAt('root-open-clusters/data', { 'root-open-clusters': 0o700 });
      const open = path.join(work, 'open-clusters');
      await mkdir(open);
      await chmod(open, 0o777);
      const error = await locateCluster(path.join(dataDir, 'postgres'), account, open).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `The embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses to run as root), which cannot enter ${path.join(work, 'root-open-clusters')} (owner root, mode 0700), and ${open}, where root would keep its database instead, is not usable: ` +
          `set DATA_DIR to a folder that user can enter (such as /var/lib/counterchat), or set DATABASE_URL.`,
      );
      expect(((error as Error).cause as Error).message).toBe(`${open} must be a folder owned by root and writable by root alone`);
    });
  });

  it('refuses, with one sentence, a location file that names a folder outside the clusters folder', async () => {
    const dataDir = await dataDirAt('tampered/data');
    await writeFile(path.join(dataDir, LOCATION_FILE), '/etc\n');
    const error = await locateCluster(path.join(dataDir, 'postgres'), account, clusters).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(
      `${path.join(dataDir, LOCATION_FILE)} names "/etc", which is not a folder Counterchat keeps databases in (${clusters}/…/postgres): correct it, or delete it to start with a new database.`,
    );
  });
});
