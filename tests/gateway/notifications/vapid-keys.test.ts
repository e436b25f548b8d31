import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { readConfig } from '../../../gateway/server/config.js';
import { defaultVapidSubject, loadVapidKeys } from '../../../gateway/notifications/vapid-keys.js';

const folders: string[] = [];
const dataDir = async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'counterchat-vapid-'));
  folders.push(folder);
  return folder;
};
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('VAPID keys', () => {
  it('are generated once into DATA_DIR/secrets, readable by the gateway only, and reused', async () => {
    const folder = await dataDir();
    const config = readConfig({ DATA_DIR: folder }).webPush;
    const first = await loadVapidKeys(config, folder);
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const file = path.join(folder, 'secrets', 'vapid-keys');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
    expect(await loadVapidKeys(config, folder)).toEqual(first);
  });

  it('come from VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when both are set, with VAPID_SUBJECT', async () => {
    const folder = await dataDir();
    const keys = webpush.generateVAPIDKeys();
    const config = readConfig({ DATA_DIR: folder, VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ops@pharmacy.test' }).webPush;
    expect(await loadVapidKeys(config, folder)).toEqual({ ...keys, subject: 'mailto:ops@pharmacy.test' });
    await expect(stat(path.join(folder, 'secrets', 'vapid-keys'))).rejects.toThrow(/ENOENT/);
  });

  it('refuse half a key pair', async () => {
    const folder = await dataDir();
    const config = readConfig({ DATA_DIR: folder, VAPID_PUBLIC_KEY: webpush.generateVAPIDKeys().publicKey }).webPush;
    await expect(loadVapidKeys(config, folder)).rejects.toThrow(/go together/);
  });

  it('name an https PUBLIC_URL as the subject, else the sender address', () => {
    expect(defaultVapidSubject('https://chat.pharmacy.test', 'Counterchat <no-reply@localhost>')).toBe('https://chat.pharmacy.test');
    expect(defaultVapidSubject('http://localhost:4000', 'Demo Pharmacy <team@demo-pharmacy.test>')).toBe('mailto:team@demo-pharmacy.test');
    expect(defaultVapidSubject('http://localhost:4000', 'ops@pharmacy.test')).toBe('mailto:ops@pharmacy.test');
  });
});
