/** At most this many names outside the trusted documents get a series of their own. */
export const MAX_UNTRUSTED_OPERATION_NAMES = 50;

/** What Prometheus and graphql-js both accept as a name, and no longer than a name needs to be. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The `operation` label of an operation's metrics. Operation names are chosen by clients,
 * and every distinct label value is a new series in this process and in Prometheus: a
 * client sending random names would otherwise grow both without end. So the names of the
 * trusted documents (the dashboard's and the widget's operations, known at start) are
 * always their own, and so are the first `maxUntrusted` other names seen (partners' own
 * operations, and anyone's outside production); every later one, and anything that isn't a
 * plain name, is "other". Unnamed operations are "anonymous". At most
 * trusted + maxUntrusted + 2 values, whatever clients send.
 */
export class OperationNameLabels {
  private readonly trusted: ReadonlySet<string>;
  private readonly untrusted = new Set<string>();

  constructor(
    trustedNames: Iterable<string>,
    private readonly maxUntrusted = MAX_UNTRUSTED_OPERATION_NAMES,
  ) {
    this.trusted = new Set(trustedNames);
  }

  labelOf(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.trusted.has(name) || this.untrusted.has(name)) return name;
    if (this.untrusted.size >= this.maxUntrusted || !PLAIN_NAME.test(name)) return 'other';
    this.untrusted.add(name);
    return name;
  }
}
