/** A mail as it is sent: a subject, plain text, and simple HTML saying the same. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that reaches the HTML passes here: names are typed by people, not by us. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** One line of plain text: no line breaks from a name can start a fake paragraph. */
export function plainLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

export interface MailContent {
  subject: string;
  /** Plain-text paragraphs (escaped for HTML here). */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action: { label: string; href: string };
  /** Small print under the action. */
  footer: string[];
}

/** Plain text and a single-column HTML page with inline styles (what mail clients render reliably). */
export function renderMail(content: MailContent): RenderedMail {
  const text = [...content.paragraphs, `${content.action.label}:\n${content.action.href}`, ...content.footer].join('\n\n') + '\n';
  const paragraph = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const html = `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b;font-size:15px;line-height:1.5">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${content.paragraphs.map(paragraph).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(content.action.href)}" style="background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b">${escapeHtml(content.action.href)}</p>
${content.footer.map((line) => `<p style="margin:0 0 8px;font-size:13px;color:#52525b">${escapeHtml(line)}</p>`).join('\n')}
</div></body></html>
`;
  return { subject: plainLine(content.subject), text, html };
}
