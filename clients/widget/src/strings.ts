/**
 * Every word the widget shows, loader and app, in one place. The language follows the
 * store page's `<html lang>`; anything we don't have falls back to English.
 */
const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unreadSuffix: (count: number) => `${count} unread`,
  chatWith: (name: string) => `Chat with ${name}`,
  openNow: 'Open now',
  closedNow: "Closed now — we'll reply when we're open",
  openingHours: 'Opening hours',
  prechatIntro: 'Ask us anything. A pharmacist will answer here.',
  name: 'Your name',
  contact: 'Phone or email',
  contactHint: 'e.g. +31612345678 or you@example.com',
  consent: 'The pharmacy may contact me about my question.',
  startChat: 'Start chat',
  starting: 'Starting…',
  conversations: 'Your conversations',
  newConversation: 'New conversation',
  backToConversation: 'Back',
  untitled: 'Conversation',
  noMessagesYet: 'No messages yet',
  messagePlaceholder: 'Write a message…',
  messageLabel: 'Message',
  send: 'Send',
  attach: 'Attach a photo or PDF',
  takePhoto: 'Take a photo',
  removeFile: (name: string) => `Remove ${name}`,
  sending: 'Sending…',
  failed: 'Not sent. Tap to retry.',
  seen: 'Seen',
  you: 'You',
  pharmacy: 'Pharmacy',
  typing: (name: string) => `${name} is typing…`,
  reconnecting: 'Connection lost. Reconnecting…',
  reconnected: 'Back online',
  sessionExpired: 'Your chat session has ended. Please start again.',
  somethingWrong: 'Something went wrong. Please try again.',
  rateLimited: 'Too many attempts. Please try again later.',
  attachment: 'Attachment',
  messages: 'Messages',
  loading: 'Loading…',
} as const;

type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const nl: Strings = {
  openChat: 'Chat openen',
  closeChat: 'Chat sluiten',
  unreadSuffix: (count) => `${count} ongelezen`,
  chatWith: (name) => `Chat met ${name}`,
  openNow: 'Nu open',
  closedNow: 'Nu gesloten — we antwoorden zodra we open zijn',
  openingHours: 'Openingstijden',
  prechatIntro: 'Stel ons uw vraag. Een apotheker antwoordt hier.',
  name: 'Uw naam',
  contact: 'Telefoon of e-mail',
  contactHint: 'bijv. +31612345678 of u@voorbeeld.nl',
  consent: 'De apotheek mag contact met mij opnemen over mijn vraag.',
  startChat: 'Chat starten',
  starting: 'Bezig…',
  conversations: 'Uw gesprekken',
  newConversation: 'Nieuw gesprek',
  backToConversation: 'Terug',
  untitled: 'Gesprek',
  noMessagesYet: 'Nog geen berichten',
  messagePlaceholder: 'Schrijf een bericht…',
  messageLabel: 'Bericht',
  send: 'Versturen',
  attach: 'Foto of pdf toevoegen',
  takePhoto: 'Foto maken',
  removeFile: (name) => `${name} verwijderen`,
  sending: 'Versturen…',
  failed: 'Niet verstuurd. Tik om opnieuw te proberen.',
  seen: 'Gelezen',
  you: 'U',
  pharmacy: 'Apotheek',
  typing: (name) => `${name} typt…`,
  reconnecting: 'Verbinding verbroken. Opnieuw verbinden…',
  reconnected: 'Weer online',
  sessionExpired: 'Uw chatsessie is beëindigd. Begin opnieuw.',
  somethingWrong: 'Er ging iets mis. Probeer het opnieuw.',
  rateLimited: 'Te veel pogingen. Probeer het later opnieuw.',
  attachment: 'Bijlage',
  messages: 'Berichten',
  loading: 'Laden…',
};

const LANGUAGES: Record<string, Strings> = { en, nl };

/** Strings for a BCP 47 tag such as `nl-NL`; English when we don't have the language. */
export function stringsFor(lang: string | null | undefined): Strings {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return LANGUAGES[primary] ?? en;
}

/** The two the loader needs, without pulling every string into it. */
export function launcherStrings(lang: string | null | undefined): { openChat: string; closeChat: string; unread: (count: number) => string } {
  const strings = stringsFor(lang);
  return { openChat: strings.openChat, closeChat: strings.closeChat, unread: strings.unreadSuffix };
}

export type { Strings };
