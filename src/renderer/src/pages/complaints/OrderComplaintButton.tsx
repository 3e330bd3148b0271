import { Button } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../api/session';

/** 投诉 on a work order's page: the intake form with the order's customer and the order filled in. */
export function OrderComplaintButton({ order }: { order: { id: string; customerId: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!useCan('complaints.write')) return null;
  const params = new URLSearchParams({ new: '1', customerId: order.customerId, workOrderId: order.id });
  return (
    <Button
      icon={<CommentOutlined />}
      onClick={() => void navigate(`/complaints?${params.toString()}`)}
      data-testid="wo-complaint"
    >
      {t('complaints.fromOrder')}
    </Button>
  );
}
