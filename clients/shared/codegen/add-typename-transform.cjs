// Trusted documents must be what Apollo Client actually asks for: its cache adds __typename
// to every selection, so the documents codegen stores (and hashes) carry it too.
const { addTypenameSelectionDocumentTransform } = require('@graphql-codegen/client-preset');

exports.transform = addTypenameSelectionDocumentTransform.transform;
