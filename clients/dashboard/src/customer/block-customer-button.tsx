import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const BlockCustomerMutation = graphql(`
  mutation BlockCustomer($id: ID!) {
    blockCustomer(customerId: $id) {
      id
      blockedAt
    }
  }
`);

const UnblockCustomerMutation = graphql(`
  mutation UnblockCustomer($id: ID!) {
    unblockCustomer(customerId: $id) {
      id
      blockedAt
    }
  }
`);

/** Block (after a confirmation) or unblock: the customer's chat stops or may start again; nothing is deleted. */
export function BlockCustomerButton(props: { customer: { id: string; name: string; blockedAt?: string | null } }) {
  const t = useStrings();
  const [block, blocking] = useMutation(BlockCustomerMutation);
  const [unblock, unblocking] = useMutation(UnblockCustomerMutation);
  const variables = { id: props.customer.id };
  if (props.customer.blockedAt) {
    return (
      <>
        <p className="customer-panel__blocked" role="status">
          {t('customerBlocked')}
        </p>
        <button type="button" className="button" disabled={unblocking.loading} onClick={() => void unblock({ variables }).catch(() => {})}>
          {t('unblockCustomer')}
        </button>
      </>
    );
  }
  return (
    <button
      type="button"
      className="button button--ghost"
      disabled={blocking.loading}
      onClick={() => {
        if (window.confirm(t('blockConfirm', { name: props.customer.name }))) void block({ variables }).catch(() => {});
      }}
    >
      {t('blockCustomer')}
    </button>
  );
}
