import { describe, expect, it } from '@jest/globals';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createSmsSender, readSmsConfig } from '../../../gateway/sms/sms-config.js';
import { useTemporaryDirectory } from '../../support/temporary-directory.js';

const directory = useTemporaryDirectory('counterchat-sms-');

describe('the SMS driver without a provider', () => {
  it('writes each text as a file only the gateway user may read', async () => {
    const folder = path.join(directory.path, 'sms');
    const sender = createSmsSender(readSmsConfig({}, folder));
    await sender.send({ to: '+31612345678', body: 'Demo Pharmacy replied to your question.' });
    await sender.send({ to: '+31687654321', body: 'Second' });
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.txt'))).toBe(true);
    const texts = await Promise.all(files.map((file) => readFile(path.join(folder, file), 'utf8')));
    expect(texts).toEqual(expect.arrayContaining(['To: +31612345678\n\nDemo Pharmacy replied to your question.\n', 'To: +31687654321\n\nSecond\n']));
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(folder, files[0]!))).mode & 0o777).toBe(0o600);
  });
});
