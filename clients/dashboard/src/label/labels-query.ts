import { graphql } from '../gql/index.js';

/** The pharmacy's labels, by name: the picker, the inbox filter and the settings list share this one query. */
export const LabelsQuery = graphql(`
  query Labels {
    labels {
      id
      name
      colour
      ...LabelChipFields
    }
  }
`);
