import { Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** 配件已到: the order waits for parts and every one of them has been received. */
export function PartsArrivedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="green" icon={<CheckCircleOutlined />} data-testid="wo-parts-arrived">
      {t('orderParts.partsArrived')}
    </Tag>
  );
}
