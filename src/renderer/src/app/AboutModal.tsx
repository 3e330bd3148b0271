import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 关于: what the app is, its version, and the credit the sample data's licence asks for. */
export function AboutModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('about.title')} onCancel={onClose} footer={null} width={560} data-testid="about">
      <Typography.Paragraph>
        <Typography.Text strong>{t('app.name')}</Typography.Text>{' '}
        <Typography.Text type="secondary" data-testid="about-version">
          {t('about.version', { version: __APP_VERSION__ })}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>{t('about.tagline')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered layout="vertical">
        <Descriptions.Item label={t('about.dataTitle')}>
          <span data-testid="about-sample-credit">{t('about.data')}</span>
          <br />
          <Typography.Text copyable type="secondary">
            https://creativecommons.org/licenses/by-sa/4.0/
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
