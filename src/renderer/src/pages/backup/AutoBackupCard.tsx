import { useState } from 'react';
import { Alert, App, Button, Card, Form, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { backupSettings, type BackupSettings } from '@shared/schemas/backup';
import { useUpdateBackupSettings } from '../../api/backup';
import { formatMinute } from '../../lib/format';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { PathInput } from './PathInput';
import { errorMessage } from '../../i18n/errorMessage';

interface AutoBackupValues {
  folder: string;
  daily: boolean;
  dailyAt: Dayjs | null;
  onQuit: boolean;
  /** As typed. */
  keepDaily: string;
  keepWeekly: string;
  warnAfterDays: string;
}

const fields = backupSettings.shape;
const whole = (text: string) => numberOf(text, 0) ?? 0;

const TIME_FORMAT = 'HH:mm';
/** The time the daily backup gets when it is switched back on without one. */
const DEFAULT_DAILY_AT = '18:00';

function toValues(settings: BackupSettings): AutoBackupValues {
  return {
    folder: settings.folder ?? '',
    daily: settings.dailyAt !== null,
    dailyAt: dayjs(settings.dailyAt ?? DEFAULT_DAILY_AT, TIME_FORMAT),
    onQuit: settings.onQuit,
    keepDaily: numberText(settings.keepDaily),
    keepWeekly: numberText(settings.keepWeekly),
    warnAfterDays: numberText(settings.warnAfterDays),
  };
}

function toSettings(values: AutoBackupValues): BackupSettings {
  const folder = values.folder.trim();
  return {
    folder: folder === '' ? null : folder,
    dailyAt: values.daily
      ? (values.dailyAt ?? dayjs(DEFAULT_DAILY_AT, TIME_FORMAT)).format(TIME_FORMAT)
      : null,
    onQuit: values.onQuit,
    keepDaily: whole(values.keepDaily),
    keepWeekly: whole(values.keepWeekly),
    warnAfterDays: whole(values.warnAfterDays),
  };
}

/** 自动备份: folder, daily time, on quit, retention and the warning threshold. */
export function AutoBackupCard({
  settings,
  nextDailyAt,
  statusAt,
  readOnly,
}: {
  settings: BackupSettings;
  nextDailyAt: number | null;
  /** When the status holding nextDailyAt was read: a next run at or before it is due now. */
  statusAt: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AutoBackupValues>();
  const save = useUpdateBackupSettings();
  const [error, setError] = useState<string | null>(null);
  const daily = Form.useWatch('daily', form);

  const submit = (values: AutoBackupValues) => {
    setError(null);
    save.mutate(toSettings(values), {
      onSuccess: () => void message.success(t('backup.auto.saved')),
      onError: (e) => setError(errorMessage(e, t)),
    });
  };
  const rules = useFormRules();

  return (
    <Card title={t('backup.auto.section')} data-testid="backup-auto-card">
      <Alert type="info" showIcon title={t('backup.auto.recommend')} style={{ marginBottom: 16 }} />
      {readOnly && (
        <Alert type="warning" showIcon title={t('backup.auto.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Form<AutoBackupValues>
        form={form}
        name="backupAuto"
        layout="vertical"
        initialValues={toValues(settings)}
        disabled={readOnly}
        onFinish={submit}
        data-testid="backup-auto-form"
      >
        <Form.Item label={t('backup.folder')} name="folder">
          <PathInput kind="folder" testId="backup-auto-folder" disabled={readOnly} />
        </Form.Item>
        <Form.Item label={t('backup.auto.daily')} style={{ marginBottom: 8 }}>
          <Form.Item name="daily" valuePropName="checked" noStyle>
            <Switch data-testid="backup-auto-daily" />
          </Form.Item>
          <Form.Item name="dailyAt" noStyle>
            <TimePicker
              format={TIME_FORMAT}
              minuteStep={5}
              allowClear={false}
              disabled={readOnly || !daily}
              style={{ marginInlineStart: 12, width: 120 }}
              aria-label={t('backup.auto.dailyAt')}
              data-testid="backup-auto-daily-at"
            />
          </Form.Item>
        </Form.Item>
        <Typography.Paragraph type="secondary" data-testid="backup-auto-next">
          {nextDailyAt !== null
            ? nextDailyAt <= statusAt
              ? t('backup.auto.nextDue')
              : t('backup.auto.next', { time: formatMinute(nextDailyAt) })
            : daily === false
              ? t('backup.auto.off')
              : null}
        </Typography.Paragraph>
        <Form.Item label={t('backup.auto.onQuit')} name="onQuit" valuePropName="checked">
          <Switch data-testid="backup-auto-on-quit" />
        </Form.Item>
        <Form.Item
          label={t('backup.auto.keepDaily')}
          name="keepDaily"
          extra={t('backup.auto.keepDailyHelp')}
          rules={[rules.whole(fields.keepDaily, { required: true })]}
        >
          <NumberInput style={{ width: 160 }} data-testid="backup-auto-keep-daily" />
        </Form.Item>
        <Form.Item
          label={t('backup.auto.keepWeekly')}
          name="keepWeekly"
          extra={t('backup.auto.keepWeeklyHelp')}
          rules={[rules.whole(fields.keepWeekly, { required: true })]}
        >
          <NumberInput style={{ width: 160 }} data-testid="backup-auto-keep-weekly" />
        </Form.Item>
        <Form.Item
          label={t('backup.auto.warnAfterDays')}
          name="warnAfterDays"
          rules={[rules.whole(fields.warnAfterDays, { required: true })]}
        >
          <NumberInput style={{ width: 160 }} data-testid="backup-auto-warn-days" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="backup-auto-error"
          />
        )}
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="backup-auto-save">
            {t('backup.auto.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
