import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { graphql } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { LabelsQuery } from './labels-query.js';

const AddConversationLabelMutation = graphql(`
  mutation AddConversationLabel($conversationId: ID!, $labelId: ID!) {
    addConversationLabel(conversationId: $conversationId, labelId: $labelId) {
      id
      updatedAt
      labels {
        id
        ...LabelChipFields
      }
    }
  }
`);

const RemoveConversationLabelMutation = graphql(`
  mutation RemoveConversationLabel($conversationId: ID!, $labelId: ID!) {
    removeConversationLabel(conversationId: $conversationId, labelId: $labelId) {
      id
      updatedAt
      labels {
        id
        ...LabelChipFields
      }
    }
  }
`);

interface LabelPickerProps {
  conversationId: string;
  /** The ids of the labels the thread carries. */
  labelIds: readonly string[];
}

/**
 * "Labels" opens a list of the pharmacy's labels as checkboxes: ticking one puts it on the
 * thread, unticking takes it off. Tab and Space work the list; Escape closes it and gives
 * focus back to the button, as does a click elsewhere (without taking focus).
 */
export function LabelPicker({ conversationId, labelIds }: LabelPickerProps) {
  const [open, setOpen] = useState(false);
  const { data } = useQuery(LabelsQuery, { skip: !open, fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddConversationLabelMutation);
  const [remove, removing] = useMutation(RemoveConversationLabelMutation);
  const t = useStrings();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLFieldSetElement>(null);
  // Checkboxes stay enabled while a change is on its way: disabling one would drop the keyboard focus.
  const busy = adding.loading || removing.loading;

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLInputElement>('input')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open, data]);

  function onMenuKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.key !== 'Escape') return;
    // The thread's own Escape (back to the inbox) must not also fire.
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  const toggle = (labelId: string, on: boolean) => {
    const variables = { conversationId, labelId };
    void (on ? add({ variables }) : remove({ variables })).catch(() => {});
  };

  return (
    <div className="label-picker">
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen(!open)}>
        {t('labelsButton')}
      </button>
      {open && (
        <fieldset id={menuId} ref={menu} className="label-picker__menu" onKeyDown={onMenuKeyDown} aria-busy={busy}>
          <legend>{t('labelsPickerLegend')}</legend>
          {data && data.labels.length === 0 && <p className="label-picker__empty">{t('labelsNoneDefined')}</p>}
          {data?.labels.map((label) => (
            <label key={label.id} className="label-picker__option">
              <input type="checkbox" checked={labelIds.includes(label.id)} onChange={(event) => toggle(label.id, event.target.checked)} />
              <span className="label-picker__swatch" aria-hidden="true" style={{ background: label.colour }} />
              {label.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
