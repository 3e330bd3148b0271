import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reopenDayInput } from '@shared/schemas/settlements';
import { useReopenDay } from '../../../api/settlements';
import { FormModal } from '../../../components/FormModal';
import { useFormRules } from '../../../components/formRules';
import { TextInput } from '../../../components/TextInput';
import { useApprovedSubmit } from '../ManagerApproval';

/** Reopen a closed day: a reason, and a manager's approval. */
export function ReopenDayModal({ date, onClose }: { date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenDay();
  const approval = useApprovedSubmit(form, 'reopen');
  const submit = ({ reason }: { reason: string }) => {
    approval.submit({ date, reason: reason.trim() }, reopen.mutateAsync, () => {
      void message.success(t('settlements.dayClose.reopened', { date }));
      onClose();
    });
  };
  return (
    <>
      <FormModal<{ reason: string }>
        title={t('settlements.dayClose.reopenTitle', { date })}
        testId="day-reopen"
        name="dayReopen"
        form={form}
        initialValues={{ reason: '' }}
        pending={reopen.isPending || approval.asking}
        error={approval.error}
        submitText={t('settlements.dayClose.reopen')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('settlements.dayClose.reopenHelp')}</Typography.Paragraph>
        <Form.Item
          label={t('settlements.dayClose.reopenReason')}
          name="reason"
          rules={[rules.text(reopenDayInput.shape.reason)]}
        >
          <TextInput schema={reopenDayInput.shape.reason} autoFocus data-testid="day-reopen-reason" />
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}
