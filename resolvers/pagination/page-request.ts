/** Which way to read and from where: the one shape every paginated query works from. */
export interface PageRequest {
  direction: 'forward' | 'backward';
  limit: number;
  cursor: string | undefined;
}
