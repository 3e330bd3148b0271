import type { ReactNode } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useExport, type ExportRequest } from '../api/excel';
import { errorMessage } from '../i18n/errorMessage';

/** A button that downloads a workbook from the server (.xlsx, headers in the UI language). */
export function ExportButton({
  request,
  testId,
  children,
}: {
  /** Read when clicked, so a report exports the period it shows now. */
  request: () => ExportRequest;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useExport();
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={run.isPending}
      onClick={() =>
        run.mutate(request(), {
          onSuccess: (file) => void message.success(t('stock.export.done', { file: file.fileName })),
          onError: (e) => void message.error(errorMessage(e, t)),
        })
      }
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
