import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Row, Statistic } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PeriodInput, ReportName } from '@shared/schemas/reports';
import { useReportExport } from '../../api/reports';
import { errorMessage } from '../../i18n/errorMessage';

/** 导出 Excel for one report and the period on screen. */
export function ReportExport({ report, period }: { report: ReportName; period: PeriodInput }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useReportExport();
  return (
    <Button
      size="small"
      icon={<FileExcelOutlined />}
      loading={run.isPending}
      data-testid={`export-${report}`}
      onClick={() =>
        run.mutate(
          { report, period },
          {
            onSuccess: (file) => void message.success(t('reports.exported', { file: file.fileName })),
            onError: (e) => void message.error(errorMessage(e, t)),
          },
        )
      }
    >
      {t('reports.exportExcel')}
    </Button>
  );
}

/** A chart with the table behind it underneath, and the export in the corner. */
export function ReportSection({
  title,
  extra,
  chart,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  chart?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      {chart ? <div style={{ marginBottom: 12 }}>{chart}</div> : null}
      {children}
    </Card>
  );
}

interface FigureItem {
  key: string;
  title: ReactNode;
  value: string | number;
  /** Red when something needs attention. */
  warn?: boolean;
}

/** A row of headline figures; each value carries `fig-<key>` for the tests. */
export function Figures({ items }: { items: FigureItem[] }) {
  return (
    <Row gutter={[16, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={12} md={8} lg={6} xl={4}>
          <Statistic
            title={item.title}
            value={item.value}
            styles={item.warn ? { content: { color: '#cf1322' } } : undefined}
            valueRender={(node) => <span data-testid={`fig-${item.key}`}>{node}</span>}
          />
        </Col>
      ))}
    </Row>
  );
}

export function ReportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <Alert type="error" showIcon title={`${t('reports.loadFailed')}: ${errorMessage(error, t)}`} />;
}
