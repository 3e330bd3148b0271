import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, type FormInstance } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { managerApproval } from '@shared/schemas/settlements';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import type { settlementsZhCN } from '../../i18n/settlements.zh-CN';
import { approvalIssue, needsApproval } from './settlementErrors';
import { errorMessage } from '../../i18n/errorMessage';
import { useSubmitError } from '../../components/formErrors';

/** A manager's user name and password, typed at the counter (managerApproval in the contract). */
export interface Approval {
  username: string;
  password: string;
}

/** What the manager is asked to approve, in words (settlements.approval.what). */
type ApprovalWhat = keyof typeof settlementsZhCN.approval.what;

interface Handlers<T> {
  what: ApprovalWhat;
  onSuccess: (result: T) => void;
  onError: (error: unknown) => void;
}

interface Pending {
  send: (approval: Approval) => Promise<unknown>;
  handlers: Handlers<unknown>;
}

/**
 * 主管授权: send an action as it is; when the server answers that a manager must approve it
 * (the reason needsApproval), ask for a manager's user name and password and send it again with
 * them. A wrong password stays in the modal on its field; any other refusal goes back to the caller.
 * A manager at the counter never sees the modal: the server takes their own right.
 *
 * `withApproval(send, handlers)` — `send(approval?)` makes the call; render `modal` once on the page.
 */
export function useManagerApproval() {
  const [pending, setPending] = useState<Pending | null>(null);

  function withApproval<T>(send: (approval?: Approval) => Promise<T>, handlers: Handlers<T>): void {
    send().then(handlers.onSuccess, (error: unknown) => {
      if (needsApproval(error)) {
        setPending({ send, handlers: handlers as Handlers<unknown> });
      } else {
        handlers.onError(error);
      }
    });
  }

  const modal: ReactNode = pending ? (
    <ManagerApprovalModal pending={pending} onClose={() => setPending(null)} />
  ) : null;
  return { withApproval, modal, asking: pending !== null };
}

/**
 * A dialog's submit for an action a manager may have to approve: sends `input`, asks for the manager
 * when the server wants one and sends it again with the approval, and shows any other refusal on the
 * dialog (its fields and its banner). Render `modal` beside the dialog.
 */
export function useApprovedSubmit(form: FormInstance, what: ApprovalWhat) {
  const approval = useManagerApproval();
  const refusal = useSubmitError(form);
  function submit<I extends object, T>(
    input: I,
    send: (input: I & { approval?: Approval }) => Promise<T>,
    onSuccess: (result: T) => void,
  ): void {
    refusal.clear();
    approval.withApproval((given) => send(given ? { ...input, approval: given } : input), {
      what,
      onSuccess,
      onError: refusal.show,
    });
  }
  return { submit, error: refusal.error, asking: approval.asking, modal: approval.modal };
}

function ManagerApprovalModal({ pending, onClose }: { pending: Pending; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<Approval>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Approval) => {
    setBusy(true);
    setError(null);
    pending.send({ username: values.username.trim(), password: values.password }).then(
      (result) => {
        onClose();
        pending.handlers.onSuccess(result);
      },
      (err: unknown) => {
        setBusy(false);
        const issue = approvalIssue(err);
        if (issue) {
          const field = issue.path === 'approval.password' ? 'password' : 'username';
          const text =
            issue.reason === 'approverWrongPassword'
              ? t('settlements.approval.wrongPassword')
              : issue.reason === 'approverLocked'
                ? t('settlements.approval.locked')
                : t('settlements.approval.notApprover');
          // A wrong password is cleared for the next try, its error kept on the field.
          form.setFields([
            field === 'password'
              ? { name: field, value: '', errors: [text] }
              : { name: field, errors: [text] },
          ]);
          return;
        }
        if (needsApproval(err)) {
          setError(errorMessage(err, t));
          return;
        }
        onClose();
        pending.handlers.onError(err);
      },
    );
  };

  return (
    <FormModal<Approval>
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#fa8c16', marginInlineEnd: 8 }} />
          {t('settlements.approval.title')}
        </span>
      }
      testId="approval"
      name="managerApproval"
      form={form}
      pending={busy}
      error={error}
      submitText={t('settlements.approval.submit')}
      onFinish={submit}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="approval-what"
        title={t('settlements.approval.help', {
          what: t(`settlements.approval.what.${pending.handlers.what}`),
        })}
      />
      <Form.Item
        label={t('settlements.approval.username')}
        name="username"
        rules={[rules.text(managerApproval.shape.username)]}
      >
        <Input autoFocus autoComplete="off" data-testid="approval-username" />
      </Form.Item>
      <Form.Item
        label={t('settlements.approval.password')}
        name="password"
        rules={[rules.text(managerApproval.shape.password)]}
      >
        <Input.Password autoComplete="off" data-testid="approval-password" />
      </Form.Item>
    </FormModal>
  );
}
