import { BREAK, Kind, print, TypeInfo, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { fieldAccessDependsOnIdentity } from '../auth/auth-checker.js';
import { permissionsOf } from '../auth/permission.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import { tenantOf } from '../tenancy/tenant-context.js';
import { isViewerIndependent, STREAM_ARGUMENTS } from './viewer-dependent-fields.js';

/**
 * The subscribers whose events resolve to the same result: the same document and operation,
 * the same values of the variables the resolution reads (not those that only choose the
 * stream, `STREAM_ARGUMENTS`), and the same viewer class. The class is everything a result
 * may depend on about the viewer: the database tenant its statements run as, the kind, the
 * organization and the permissions; and the viewer itself when the document selects a field
 * not known to be the same for the whole class (`viewer-dependent-fields.ts`) or when field
 * access counts the viewer's own records (customers, keys: `fieldAccessDependsOnIdentity`).
 * Computed once, when the subscription starts.
 */
export function subscriptionGroup(args: ExecutionArgs, viewer: Viewer): string {
  const shape = documentShapeOf(args.schema, args.document);
  const perViewer = !shape.viewerIndependent || fieldAccessDependsOnIdentity(viewer);
  return JSON.stringify([shape.text, args.operationName ?? null, resolutionVariables(args.variableValues, shape.readVariables), viewerClass(viewer, perViewer)]);
}

/** What a document's group depends on, found by walking it: the same for every subscriber who sends it. */
interface DocumentShape {
  text: string;
  viewerIndependent: boolean;
  /** The variables the resolution reads (not those that only choose the stream), sorted. */
  readVariables: string[];
}

/**
 * By document: the pipeline keeps one parsed document per text (operation-pipeline.ts), so
 * a reconnect storm's thousands of subscribes walk it once instead of twice each.
 */
const shapes = new WeakMap<DocumentNode, DocumentShape>();

function documentShapeOf(schema: GraphQLSchema, document: DocumentNode): DocumentShape {
  let shape = shapes.get(document);
  if (!shape) {
    shape = { text: documentText(document), viewerIndependent: selectsOnlyViewerIndependentFields(schema, document), readVariables: variablesRead(document) };
    shapes.set(document, shape);
  }
  return shape;
}

function viewerClass(viewer: Viewer, perViewer: boolean): unknown[] {
  if (viewer.kind === 'anonymous') return [viewer.kind];
  const permissions = [...permissionsOf(viewer)].sort();
  return [viewer.kind, viewer.organizationId, tenantOf(viewer), permissions, perViewer ? actorOf(viewer) : null];
}

/** Fails closed: a field of a type nobody classified, or of no known type, is viewer-dependent. */
export function selectsOnlyViewerIndependentFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let independent = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && isViewerIndependent(parent.name, node.name.value)) return undefined;
        independent = false;
        return BREAK;
      },
    }),
  );
  return independent;
}

/** The variables' values that can change what an event resolves to, by name. */
function resolutionVariables(variableValues: ExecutionArgs['variableValues'], read: readonly string[]): unknown[][] {
  // A variable left out takes its default; one sent as null does not.
  return read.map((name) => (variableValues && name in variableValues ? [name, variableValues[name]] : [name]));
}

/** The names of the variables the resolution reads: all but those only stream arguments take. */
function variablesRead(document: DocumentNode): string[] {
  const streamArguments = new Set<ArgumentNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const names = STREAM_ARGUMENTS[selection.name.value] ?? [];
      for (const argument of selection.arguments ?? []) if (names.includes(argument.name.value)) streamArguments.add(argument);
    }
  }
  const read = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Argument: (node) => (streamArguments.has(node) ? false : undefined),
    Variable: (node) => void read.add(node.name.value),
  });
  return [...read].sort();
}

function documentText(document: DocumentNode): string {
  return document.loc?.source.body ?? print(document);
}
