/** The notes feature's words, in one place until the dashboard moves to i18next. */
export const NOTE_STRINGS = {
  replyTab: 'Reply',
  noteTab: 'Internal note',
  notePlaceholder: 'Write an internal note… (@name mentions a colleague; Enter saves)',
  saveNote: 'Add note',
  onlyTeam: 'Only visible to your team',
  noteLabel: 'Internal note',
  noteFailed: 'The note could not be saved. Try again.',
  mentions: (count: number) => `${count} mention${count === 1 ? '' : 's'}`,
  mentionsTitle: 'Notes that mention you',
  mentionFrom: (name: string) => `${name} mentioned you`,
};
