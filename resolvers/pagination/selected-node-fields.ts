import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a connection field's operation asks of its nodes (`edges { node { … } }`),
 * through fragments and inline fragments, for every alias of the field. A service can then
 * read in one statement what those fields would otherwise load one batch each. Directives
 * (`@include`, `@skip`) are not evaluated: a field they may leave out counts as asked for,
 * which costs a join at most, never a missing value.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const connection of info.fieldNodes) {
    for (const edges of fieldsOf(connection.selectionSet, info, 'edges')) {
      for (const node of fieldsOf(edges.selectionSet, info, 'node')) {
        for (const field of fieldsOf(node.selectionSet, info)) names.add(field.name.value);
      }
    }
  }
  return names;
}

/** The fields of a selection set (named `name`, when given), fragments flattened. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, name?: string, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (name === undefined || selection.name.value === name) fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...fieldsOf(selection.selectionSet, info, name, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, name, seen));
    }
  }
  return fields;
}
