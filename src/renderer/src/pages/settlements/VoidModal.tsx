import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVoidSettlement, type Settlement } from '../../api/settlements';
import { voidSettlementInput } from '@shared/schemas/settlements';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { useApprovedSubmit } from './ManagerApproval';

interface Values {
  reason: string;
}

/** 作废: a manager voids the settlement with a reason; the money taken is reversed, nothing deleted. */
export function VoidModal({ settlement, onClose }: { settlement: Settlement; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const voidIt = useVoidSettlement();
  const approval = useApprovedSubmit(form, 'void');

  const submit = ({ reason }: Values) => {
    approval.submit({ id: settlement.id, reason: reason.trim() }, voidIt.mutateAsync, () => {
      void message.success(t('settlements.void.done', { no: settlement.settlementNo }));
      onClose();
    });
  };

  return (
    <>
      <FormModal<Values>
        title={t('settlements.void.title', { no: settlement.settlementNo })}
        testId="void"
        name="voidSettlement"
        form={form}
        initialValues={{ reason: '' }}
        pending={voidIt.isPending || approval.asking}
        error={approval.error}
        submitText={t('settlements.void.submit')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('settlements.void.help')}</Typography.Paragraph>
        <Form.Item
          label={t('settlements.void.reason')}
          name="reason"
          rules={[rules.text(voidSettlementInput.shape.reason)]}
        >
          <TextArea
            schema={voidSettlementInput.shape.reason}
            autoFocus
            autoSize={{ minRows: 2 }}
            data-testid="void-reason"
          />
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}
