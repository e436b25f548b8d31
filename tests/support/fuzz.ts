/**
 * What the fuzzers under tests/gateway/fuzz/ share: one seed convention, a seedable random
 * source, and the check that an answer is a typed error or data, never a 5xx or a leak.
 * FUZZ_SEED=<n> replays a run.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261122);

export const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);
/** What an unmasked error would show. INTERNAL_SERVER_ERROR itself is allowed only with the generic message. */
const LEAK = /QueryFailedError|TypeORM|SELECT |INSERT |UPDATE |violates|at .+\.(ts|js):\d+|node_modules|ECONN|stack/i;
const GENERIC_INTERNAL = 'Something went wrong on our side. Please try again.';

/** mulberry32: small, fast, seedable. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof randomSource>;

/** Everything wrong with one answer: a 5xx, an unknown code, an unmasked internal error, a leak. */
export function problemsIn(status: number, body: unknown): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  const errors = (body as { errors?: { message: string; extensions?: { code?: string } }[] })?.errors ?? [];
  for (const error of errors) {
    const code = error.extensions?.code;
    if (!code || !KNOWN_CODES.has(code)) problems.push(`unknown code ${code}: ${error.message.slice(0, 120)}`);
    if (code === 'INTERNAL_SERVER_ERROR' && error.message !== GENERIC_INTERNAL) problems.push(`unmasked: ${error.message.slice(0, 200)}`);
    if (LEAK.test(error.message) || JSON.stringify(error.extensions ?? {}).match(LEAK)) problems.push(`leak: ${error.message.slice(0, 200)}`);
  }
  return problems;
}

/** The codes of an answer's errors. */
export const codesIn = (body: unknown): (string | undefined)[] =>
  ((body as { errors?: { extensions?: { code?: string } }[] })?.errors ?? []).map((error) => error.extensions?.code);
