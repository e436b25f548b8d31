/** One row of a page, with the opaque cursor that points at it. */
export interface Edge<T> {
  node: T;
  cursor: string;
}

/** Relay's page information, as services hand it to the connection types. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of rows: what every paginated service returns, and a connection type shows. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}
