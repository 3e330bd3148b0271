import { useState } from 'react';
import { Button, Flex, Image, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_BYTES } from '@shared/schemas/settings';

const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('empty'));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface LogoInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  readOnly?: boolean;
}

/** The shop logo as a data URL, read in the browser: PNG/JPEG/WebP up to 256 KB, with preview and remove. */
export function LogoInput({ value, onChange, readOnly }: LogoInputProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (file: File) => {
    if (!TYPES.includes(file.type)) return setProblem(t('settings.logoBadType'));
    if (file.size > MAX_LOGO_BYTES) return setProblem(t('settings.logoTooLarge'));
    try {
      onChange?.(await readAsDataUrl(file));
      setProblem(null);
    } catch {
      setProblem(t('settings.logoReadFailed'));
    }
  };

  return (
    <Flex vertical gap="small">
      <Flex align="center" gap="middle">
        {value && (
          <Image
            src={value}
            alt={t('settings.logo')}
            width={96}
            height={96}
            style={{ objectFit: 'contain', border: '1px solid #f0f0f0', borderRadius: 4 }}
            data-testid="settings-logo-preview"
          />
        )}
        {!readOnly && (
          <Flex gap="small">
            <Upload
              accept={TYPES.join(',')}
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void pick(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="settings-logo-upload">
                {t('settings.logoUpload')}
              </Button>
            </Upload>
            {value && (
              <Button
                icon={<DeleteOutlined />}
                onClick={() => onChange?.(null)}
                data-testid="settings-logo-remove"
              >
                {t('settings.logoRemove')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      {problem && (
        <Typography.Text type="danger" data-testid="settings-logo-error">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
