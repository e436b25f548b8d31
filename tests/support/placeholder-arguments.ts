import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/**
 * Well-typed arguments for any field, built from the schema: enough for a request to get
 * past GraphQL's own validation so the resolver's checks answer. Only required arguments
 * and input fields are filled; ids are random, so nothing real is touched.
 */
export function placeholderArguments(field: GraphQLField<unknown, unknown>): { argumentList: string; variables: Record<string, unknown> } {
  const required = field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
  const declarations = required.map((argument) => `$${argument.name}: ${String(argument.type)}`);
  const variables = Object.fromEntries(required.map((argument: GraphQLArgument) => [argument.name, placeholderValue(argument.type)]));
  const uses = required.map((argument) => `${argument.name}: $${argument.name}`);
  return {
    argumentList: uses.length ? `(${uses.join(', ')})` : '',
    variables: { ...variables, __declarations: declarations },
  };
}

function placeholderValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholderValue(type.ofType);
  if (isListType(type)) return [placeholderValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        // Non-null fields with defaults too: a default such as body = "" would stop the request early.
        .filter((inputField) => isNonNullType(inputField.type))
        .map((inputField) => [inputField.name, placeholderValue(inputField.type)]),
    );
  }
  if (isScalarType(type)) {
    switch (getNamedType(type).name) {
      case 'ID':
        return randomUUID();
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return new Date().toISOString();
      case 'Upload':
        return null;
      default:
        // Unique, so an idempotent operation (a send's clientMessageId) never replays an earlier answer.
        return `placeholder-${randomUUID()}`;
    }
  }
  throw new Error(`No placeholder for ${String(type)}`);
}

/** The `__typename` selection works for any output type, object, union or scalar alike. */
export function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
}
