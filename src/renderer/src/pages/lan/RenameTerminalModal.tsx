import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { terminalName, type TerminalRow } from '@shared/schemas/lan';
import { useRenameTerminal } from '../../api/lan';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface RenameValues {
  name: string;
}

export function RenameTerminalModal({ terminal, onClose }: { terminal: TerminalRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RenameValues>();
  const rename = useRenameTerminal();
  const rules = useFormRules();

  const submit = (values: RenameValues) =>
    rename.mutate(
      { id: terminal.id, name: values.name },
      {
        onSuccess: () => {
          void message.success(t('lan.terminals.renamed'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, t),
      },
    );

  return (
    <FormModal<RenameValues>
      title={t('lan.terminals.renameTitle', { name: terminal.name })}
      testId="lan-rename"
      name="renameTerminal"
      form={form}
      initialValues={{ name: terminal.name }}
      pending={rename.isPending}
      error={rename.error && errorMessage(rename.error, t)}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('lan.terminals.name')} name="name" rules={[rules.text(terminalName)]}>
        <TextInput schema={terminalName} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
