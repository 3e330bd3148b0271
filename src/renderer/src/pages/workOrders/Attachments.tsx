import { useState } from 'react';
import { App, Button, Flex, Image, Skeleton, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { useAddAttachment, useAttachment } from '../../api/workOrders';
import { errorMessage } from '../../i18n/errorMessage';

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

function Thumb({ id, name }: { id: string; name: string }) {
  const data = useAttachment(id);
  if (data.isPending) return <Skeleton.Image active style={{ width: 96, height: 96 }} />;
  if (data.isError) return <Typography.Text type="danger">{name}</Typography.Text>;
  return (
    <Image
      src={data.data.dataUrl}
      alt={name}
      width={96}
      height={96}
      className="wo-thumb"
      data-testid={`wo-photo-${id}`}
    />
  );
}

/** Photos of the device at intake or on the bench; stored as files in the data folder. */
export function Attachments({ order, canWrite }: { order: WorkOrderDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddAttachment();
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (file: File) => {
    if (!TYPES.includes(file.type)) return setProblem(t('workOrders.photoBadType'));
    if (file.size > MAX_ATTACHMENT_BYTES) return setProblem(t('workOrders.photoTooLarge'));
    setProblem(null);
    try {
      const dataUrl = await readAsDataUrl(file);
      add.mutate(
        { id: order.id, fileName: file.name.slice(0, 120) || 'photo', dataUrl },
        {
          onSuccess: () => void message.success(t('workOrders.photoAdded')),
          onError: (e) => setProblem(errorMessage(e, t)),
        },
      );
    } catch {
      setProblem(t('workOrders.photoReadFailed'));
    }
  };

  return (
    <Flex vertical gap="small" data-testid="wo-photos">
      <Image.PreviewGroup>
        <Flex gap="small" wrap>
          {order.attachments.map((a) => (
            <Thumb key={a.id} id={a.id} name={a.fileName} />
          ))}
          {order.attachments.length === 0 && (
            <Typography.Text type="secondary">{t('workOrders.noPhotos')}</Typography.Text>
          )}
        </Flex>
      </Image.PreviewGroup>
      {canWrite && (
        <Upload
          accept={TYPES.join(',')}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            void pick(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<CameraOutlined />} loading={add.isPending} data-testid="wo-photo-upload">
            {t('workOrders.uploadPhoto')}
          </Button>
        </Upload>
      )}
      {problem && (
        <Typography.Text type="danger" data-testid="wo-photo-error">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
