/** Where a read of a conversation's messages is reported: a ReadAudit, or a RecordedReads. */
export interface ConversationReads {
  conversationRead(conversationId: string, details?: { live: boolean }): void;
}

/**
 * The reads of one execution, kept to be reported later to each reader's own audit. A live
 * event resolved once for several subscribers (gateway/pipeline/event-multiplexer.ts) is a
 * read by every one of them, from each one's socket and address: the execution records here,
 * and each subscriber replays the list into its socket's ReadAudit, which keeps its rule of
 * one entry per conversation per socket.
 */
export class RecordedReads implements ConversationReads {
  private readonly reads: [conversationId: string, details: { live: boolean } | undefined][] = [];

  conversationRead(conversationId: string, details?: { live: boolean }): void {
    this.reads.push([conversationId, details]);
  }

  replayInto(audit: ConversationReads): void {
    for (const [conversationId, details] of this.reads) audit.conversationRead(conversationId, details);
  }
}
