import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { LabelChip } from '../../label/label-chips.js';
import { LabelsQuery } from '../../label/labels-query.js';
import { ConfirmButton } from '../confirm-button.js';
import { labelErrorText } from './label-errors.js';

const CreateLabelMutation = graphql(`
  mutation CreateLabel($input: CreateLabelInput!) {
    createLabel(input: $input) {
      id
      name
      colour
    }
  }
`);

const UpdateLabelMutation = graphql(`
  mutation UpdateLabel($input: UpdateLabelInput!) {
    updateLabel(input: $input) {
      id
      name
      colour
    }
  }
`);

const DeleteLabelMutation = graphql(`
  mutation DeleteLabel($labelId: ID!) {
    deleteLabel(labelId: $labelId)
  }
`);

const DEFAULT_COLOUR = '#2f855a';

/** Admins define the pharmacy's labels: create, rename, recolour, delete (which takes a label off every thread). */
export function LabelsSection() {
  const { data, error, refetch } = useQuery(LabelsQuery, { fetchPolicy: 'cache-and-network' });
  const t = useStrings();
  return (
    <>
      <p className="settings__intro">{t('labelsIntro')}</p>
      {error && !data && (
        <p className="notice notice--error" role="alert">
          {t('labelsNotLoaded')}{' '}
          <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>
            {t('tryAgain')}
          </button>
        </p>
      )}
      {data && data.labels.length === 0 && <p className="settings__muted">{t('labelsEmpty')}</p>}
      {data && data.labels.length > 0 && (
        <ul className="label-settings" aria-label={t('settingsLabels')}>
          {data.labels.map((label) => (
            <LabelEditor key={label.id} label={label} />
          ))}
        </ul>
      )}
      <CreateLabelForm />
    </>
  );
}

function LabelEditor({ label }: { label: { id: string; name: string; colour: string } & Parameters<typeof LabelChip>[0]['label'] }) {
  const t = useStrings();
  const [name, setName] = useState(label.name);
  const [colour, setColour] = useState(label.colour);
  const [saved, setSaved] = useState(false);
  const [update, updating] = useMutation(UpdateLabelMutation, { onCompleted: () => setSaved(true) });
  const [remove, removing] = useMutation(DeleteLabelMutation, {
    // Chips of the label vanish from every cached thread with it.
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: 'Label', id: label.id }) });
      cache.gc();
    },
  });
  const changed = name.trim() !== label.name || colour !== label.colour;
  const problem = labelErrorText(updating.error ?? removing.error, t);

  function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    void update({ variables: { input: { labelId: label.id, name: name.trim(), colour } } }).catch(() => {});
  }

  return (
    <li className="label-settings__row">
      <form className="label-settings__form" onSubmit={save}>
        <LabelChip label={label} />
        <label>
          <span className="visually-hidden">{t('labelNameFor', { name: label.name })}</span>
          <input value={name} maxLength={40} required onChange={(event) => (setName(event.target.value), setSaved(false))} />
        </label>
        <label>
          <span className="visually-hidden">{t('labelColourFor', { name: label.name })}</span>
          <input type="color" value={colour} onChange={(event) => (setColour(event.target.value), setSaved(false))} />
        </label>
        <button type="submit" className="button" disabled={!changed || updating.loading}>
          {t('labelSave')}
        </button>
        <ConfirmButton
          label={t('labelDelete')}
          accessibleLabel={t('labelDeleteAccessible', { name: label.name })}
          question={t('labelDeleteQuestion', { name: label.name })}
          confirmLabel={t('labelDeleteConfirm')}
          disabled={removing.loading}
          onConfirm={() => void remove({ variables: { labelId: label.id } }).catch(() => {})}
        />
        {saved && !changed && <span role="status">{t('labelSaved')}</span>}
      </form>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

function CreateLabelForm() {
  const t = useStrings();
  const [name, setName] = useState('');
  const [colour, setColour] = useState(DEFAULT_COLOUR);
  const [create, creating] = useMutation(CreateLabelMutation, {
    refetchQueries: [LabelsQuery],
    awaitRefetchQueries: true,
    onCompleted: () => setName(''),
  });
  const problem = labelErrorText(creating.error, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    void create({ variables: { input: { name: name.trim(), colour } } }).catch(() => {});
  }

  return (
    <form className="settings__form label-settings__create" onSubmit={submit} aria-label={t('labelAdd')}>
      <label>
        {t('labelName')}
        <input value={name} maxLength={40} required onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('labelColour')}
        <input type="color" value={colour} onChange={(event) => setColour(event.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={creating.loading || !name.trim()}>
        {t('labelAdd')}
      </button>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
