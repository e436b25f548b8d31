import { randomBytes } from 'node:crypto';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SmsSender } from './sms-sender.js';

/**
 * Without a provider (SMS_PROVIDER unset) each text is written to `directory` (DATA_DIR/sms),
 * one `.txt` file per message with its recipient, like mails under DATA_DIR/mail: `npm start`
 * works with nothing else set up. Texts hold sign-in links: only the gateway's user may read them.
 */
export function fileSmsSender(directory: string): SmsSender {
  return {
    description: `written as .txt files to ${directory} (set SMS_PROVIDER=twilio to send them)`,
    async send(sms) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      if (((await stat(directory)).mode & 0o077) !== 0) await chmod(directory, 0o700);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.txt`;
      await writeFile(path.join(directory, name), `To: ${sms.to}\n\n${sms.body}\n`, { mode: 0o600, flag: 'wx' });
    },
  };
}
