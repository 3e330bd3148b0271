import { App, Button, Input, Space } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasNativePicker, usePick } from '../../api/backup';
import { errorMessage } from '../../i18n/errorMessage';

interface PathInputProps {
  kind: 'folder' | 'backupFile';
  value?: string | null;
  onChange?: (value: string) => void;
  testId: string;
  disabled?: boolean;
  placeholder?: string;
}

/**
 * A path typed by hand, with a native chooser beside it in Electron. Browser mode has no chooser
 * (backup.pick answers supported: false), so the text box is always there.
 */
export function PathInput({ kind, value, onChange, testId, disabled, placeholder }: PathInputProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = usePick();

  const choose = () =>
    pick.mutate(
      { kind },
      {
        onSuccess: (result) => {
          if (!result.supported) void message.info(t('backup.pickUnsupported'));
          else if (result.path) onChange?.(result.path);
        },
        onError: (e) => void message.error(errorMessage(e, t)),
      },
    );

  return (
    <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
      <Input
        value={value ?? ''}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={placeholder ?? t('backup.folderPlaceholder')}
        disabled={disabled}
        allowClear
        data-testid={testId}
      />
      {hasNativePicker() && (
        <Button
          icon={<FolderOpenOutlined />}
          onClick={choose}
          loading={pick.isPending}
          disabled={disabled}
          data-testid={`${testId}-pick`}
        >
          {kind === 'folder' ? t('backup.pickFolder') : t('backup.pickFile')}
        </Button>
      )}
    </Space.Compact>
  );
}
