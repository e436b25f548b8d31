import express, { Router, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { TokenIssuer } from '../../auth/token-issuer.js';
import { logger } from '../../logging/logger.js';
import { escapeHtml } from '../../mail/templates/mail-layout.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { TwilioConfig } from '../../sms/sms-sender.js';
import { isTwilioSignatureValid, TWILIO_SIGNATURE_HEADER } from '../../sms/twilio-signature.js';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';
import { applySmsKeyword, smsKeywordOf, unsubscribeByToken, UNSUBSCRIBE_PATH } from '../../../resolvers/notification/customer-opt-out.service.js';
import { exchangeNotificationLink, NotificationLinkUnusable, NOTIFICATION_OPEN_PATH } from '../../../resolvers/notification/notification-link.service.js';

/** Where Twilio posts incoming texts (configure it on the number as the "A message comes in" webhook). */
export const SMS_INBOUND_PATH = '/notifications/sms/inbound';

export interface NotificationRoutesOptions {
  database: TenantDatabase;
  tokens: TokenIssuer;
  secrets: SecretBox;
  publicUrl: string;
  /** Without Twilio there is no inbound webhook (404). */
  twilio: TwilioConfig | undefined;
}

/**
 * The customer's side of notifications (issue 18), outside GraphQL because mail programs
 * and Twilio call them:
 * - `GET  /notifications/open?t=…` a page that posts the single-use link (a link scanner
 *   fetching the mail's links doesn't use it up); `POST` exchanges it for a chat token and
 *   redirects to the widget's stand-alone page signed in, or answers 410 with a clear page;
 * - `GET  /notifications/unsubscribe?t=…` a confirmation button; `POST` (the button, or a mail
 *   program's RFC 8058 one-click `List-Unsubscribe=One-Click`) records the opt-out;
 * - `POST /notifications/sms/inbound` Twilio's webhook for incoming texts, signature checked:
 *   STOP opts the number out, START back in.
 */
export function notificationRouter(options: NotificationRoutesOptions): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 });

  router.get(NOTIFICATION_OPEN_PATH, (request, response) => {
    const token = typeof request.query.t === 'string' ? request.query.t : '';
    page(response, 200, {
      title: 'Open the chat · Open de chat',
      lines: ['Opening the chat… · De chat wordt geopend…'],
      form: { action: NOTIFICATION_OPEN_PATH, field: token, button: 'Open the chat · Open de chat', autoSubmit: true },
    });
  });

  router.post(NOTIFICATION_OPEN_PATH, form, async (request, response) => {
    const token = typeof request.body?.t === 'string' ? request.body.t : '';
    try {
      const chatLink = await exchangeNotificationLink(token, options);
      response.setHeader('Cache-Control', 'no-store');
      response.redirect(303, chatLink);
    } catch (error) {
      if (!(error instanceof NotificationLinkUnusable)) logger.error({ err: error }, 'A notification link could not be exchanged');
      page(response, error instanceof NotificationLinkUnusable ? 410 : 500, {
        title: 'Link no longer valid · Link niet meer geldig',
        lines: [
          'This link has already been used or has expired. Open the chat from the pharmacy’s website; your conversation is there.',
          'Deze link is al gebruikt of verlopen. Open de chat via de website van de apotheek; je gesprek staat daar.',
        ],
      });
    }
  });

  router.get(UNSUBSCRIBE_PATH, (request, response) => {
    const token = typeof request.query.t === 'string' ? request.query.t : '';
    page(response, 200, {
      title: 'Unsubscribe · Afmelden',
      lines: ['Stop e-mails about replies from the pharmacy? · Geen e-mails meer over antwoorden van de apotheek?'],
      form: { action: `${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}`, button: 'Unsubscribe · Afmelden' },
    });
  });

  // RFC 8058: the token is in the URL; the body is `List-Unsubscribe=One-Click` (or the button's empty form).
  router.post(UNSUBSCRIBE_PATH, form, async (request, response) => {
    const token = typeof request.query.t === 'string' ? request.query.t : '';
    const done = token ? await unsubscribeByToken(options.database, options.secrets, token) : false;
    page(response, done ? 200 : 400, {
      title: 'Unsubscribe · Afmelden',
      lines: done
        ? ['You will get no more of these e-mails. · Je krijgt deze e-mails niet meer.']
        : ['This unsubscribe link is not valid. · Deze afmeldlink is niet geldig.'],
    });
  });

  router.post(SMS_INBOUND_PATH, form, async (request, response) => {
    const twilio = options.twilio;
    if (!twilio) return void response.status(404).type('text/plain').send('Not found');
    const parameters = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    // Signed over the URL Twilio called: the public one, as configured on the number.
    const url = new URL(request.originalUrl, options.publicUrl).toString();
    if (!isTwilioSignatureValid(twilio.authToken, url, parameters, request.get(TWILIO_SIGNATURE_HEADER))) {
      return void response.status(403).type('text/plain').send('Invalid signature');
    }
    const keyword = smsKeywordOf(parameters.Body ?? '');
    if (keyword && parameters.From) await applySmsKeyword(options.database, parameters.From, keyword);
    // Empty TwiML: Twilio itself answers STOP and START with its standard replies.
    response.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });

  return router;
}

interface PageContent {
  title: string;
  lines: string[];
  form?: { action: string; field?: string; button: string; autoSubmit?: boolean };
}

/** A small bilingual page; its one script (auto-submit) runs by nonce, nothing else may. */
function page(response: Response, status: number, content: PageContent): void {
  const nonce = randomBytes(16).toString('base64');
  response.setHeader('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  const form = content.form
    ? `<form method="post" action="${escapeHtml(content.form.action)}">${content.form.field !== undefined ? `<input type="hidden" name="t" value="${escapeHtml(content.form.field)}">` : ''}<button type="submit" style="font-size:16px;padding:10px 18px">${escapeHtml(content.form.button)}</button></form>` +
      (content.form.autoSubmit ? `<script nonce="${nonce}">document.forms[0].submit();</script>` : '')
    : '';
  response
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.title)}</title></head>` +
        `<body style="font-family:Arial,Helvetica,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;line-height:1.5">` +
        content.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
        form +
        `</body></html>`,
    );
}
