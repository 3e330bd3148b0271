import { Alert, App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { reverseStockInput, type StockDocument } from '@shared/schemas/stock';
import { useReverseStock } from '../../../api/stock';
import { FormModal } from '../../../components/FormModal';
import { useFormRules } from '../../../components/formRules';
import { TextArea } from '../../../components/TextInput';
import { showFieldErrors } from '../../../components/formErrors';
import { errorMessage } from '../../../i18n/errorMessage';

const reason = reverseStockInput.shape.reason;

/** 冲销: posts the opposite document (manager), with the reason on it; the original stays as it was. */
export function ReverseModal({ doc, onClose }: { doc: StockDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useFormRules();
  const reverse = useReverseStock();

  const submit = ({ reason }: { reason: string }) =>
    reverse.mutate(
      { id: doc.id, reason },
      {
        onSuccess: (reversal) => {
          void message.success(t('stock.documents.reversedMessage', { docNo: reversal.docNo }));
          onClose();
          void navigate(`/stock/documents/${reversal.id}`, { state: { posted: true } });
        },
        onError: (e) => showFieldErrors(form, e, t, { topLevelOnly: true }),
      },
    );

  return (
    <FormModal<{ reason: string }>
      title={t('stock.documents.reverseTitle', { docNo: doc.docNo })}
      testId="reverse"
      name="reverseStock"
      form={form}
      pending={reverse.isPending}
      error={reverse.error ? errorMessage(reverse.error, t) : null}
      submitText={t('stock.documents.reverse')}
      onFinish={submit}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        title={t('stock.documents.reverseWarning')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item label={t('stock.documents.reason')} name="reason" rules={[rules.text(reason)]}>
        <TextArea
          schema={reason}
          autoFocus
          autoSize={{ minRows: 2, maxRows: 4 }}
          data-testid="reverse-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
