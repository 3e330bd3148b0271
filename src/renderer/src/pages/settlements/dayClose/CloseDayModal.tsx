import { useState } from 'react';
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCloseDay } from '../../../api/settlements';
import { FormModal } from '../../../components/FormModal';
import { errorMessage } from '../../../i18n/errorMessage';

/** Close the day: confirm, then the server keeps the day's figures with the close. */
export function CloseDayModal({ date, onClose }: { date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<object>();
  const close = useCloseDay();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<object>
      title={t('settlements.dayClose.closeTitle', { date })}
      testId="day-close-confirm"
      name="dayClose"
      form={form}
      pending={close.isPending}
      error={error}
      submitText={t('settlements.dayClose.closeOk')}
      onFinish={() =>
        close.mutate(
          { date },
          {
            onSuccess: () => {
              void message.success(t('settlements.dayClose.closed', { date }));
              onClose();
            },
            onError: (e) => setError(errorMessage(e, t)),
          },
        )
      }
      onClose={onClose}
    >
      <Typography.Paragraph>{t('settlements.dayClose.closeConfirm')}</Typography.Paragraph>
    </FormModal>
  );
}
