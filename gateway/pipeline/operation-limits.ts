import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * How big one operation may be, on HTTP and WebSocket alike. Sized so the dashboard's
 * heaviest screen (inbox rows with their last messages) passes with room to spare, while
 * a query that walks conversation → messages → replyTo → … or repeats a field under
 * hundreds of aliases is refused before a resolver runs. Page sizes are capped at 100
 * separately (pagination args).
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 3_000,
  /**
   * armor's cost: 2 per object field, 1 per scalar, ×1.5 per level, × a literal `first`/`last`.
   * A thread of 100 messages with their senders costs about 8,000; pages given as variables
   * count once, which the page-size cap of 100 bounds.
   */
  maxCost: 50_000,
} as const;

export interface OperationLimits {
  /** Validation rules for both transports. */
  validationRules: ValidationRule[];
  /** Apollo plugins (HTTP only); in production one removes every "Did you mean …" suggestion. */
  plugins: ApolloServerPlugin[];
  /** For `parse(source, parseOptions)`: a document with more tokens is refused while parsing. */
  parseOptions: { maxTokens: number };
}

/** A refused operation is a validation failure, like any other invalid document. */
const reportAsValidationFailure = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));

const rejection = { propagateOnRejection: false, onReject: [reportAsValidationFailure], exposeLimits: true };

export function operationLimits({ production }: { production: boolean }): OperationLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...rejection },
    maxAliases: { n: OPERATION_LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives, ...rejection },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true, ...rejection },
    // Parsed once, by graphql's own parser with maxTokens (parseOptions below), not twice.
    maxTokens: { enabled: false },
    // armor masks field suggestions only; hideSuggestions below removes every kind.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin[]), ...(production ? [hideSuggestions] : [])],
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
  };
}

/**
 * Production answers never suggest names: field, argument and type names in validation
 * errors, enum values and input fields in the coercion of literals and variables ("Did you
 * mean the enum value …?"). They would map the schema for a prober, anonymous ones included:
 * variables reach coercion before anything checks the caller.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean .+\?$/s, '');
}

/** Every error of an HTTP request (parse, validation, variables, execution) loses its suggestion. */
const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = withoutSuggestions(error.message);
      },
    };
  },
};
