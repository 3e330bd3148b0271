import { Button, Card, Flex, Tabs } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { periodFromParams, periodToParams, periodToSegment, type PeriodState } from '../../lib/reportPeriod';
import { PeriodPicker } from './PeriodPicker';
import { ByCategoryTab } from './ByCategoryTab';
import { PartsTab } from './PartsTab';
import { QualityTab } from './QualityTab';
import { RevenueTab } from './RevenueTab';
import { ServiceQualityTab } from './ServiceQualityTab';
import { TechniciansTab } from './TechniciansTab';
import { TurnaroundTab } from './TurnaroundTab';
import { VolumeTab } from './VolumeTab';

const TABS = [
  'volume',
  'turnaround',
  'quality',
  'serviceQuality',
  'byCategory',
  'revenue',
  'technicians',
  'parts',
] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** 报表: one period (kept in the URL) for every tab; each chart has its table and export underneath. */
export function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'volume';
  const state = periodFromParams(params);
  const { period } = state;

  const setPeriod = (next: PeriodState) => setParams((prev) => periodToParams(next, prev), { replace: true });
  const setTab = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('tab', next);
        return p;
      },
      { replace: true },
    );
  const print = (form: string) => void navigate(`/print/${form}/${periodToSegment(period)}`);

  const body = (name: Tab) => {
    if (name === 'volume') return <VolumeTab period={period} />;
    if (name === 'turnaround') return <TurnaroundTab period={period} />;
    if (name === 'quality') return <QualityTab period={period} />;
    if (name === 'serviceQuality') return <ServiceQualityTab period={period} />;
    if (name === 'byCategory') return <ByCategoryTab period={period} />;
    if (name === 'revenue') return <RevenueTab period={period} />;
    if (name === 'technicians') return <TechniciansTab period={period} />;
    return <PartsTab period={period} />;
  };

  return (
    <Card
      title={t('reports.title')}
      extra={
        <Flex gap="small" wrap>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => print('report-summary')}
            data-testid="print-report-summary"
          >
            {t('reports.print.summary')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => print('report-technicians')}
            data-testid="print-report-technicians"
          >
            {t('reports.print.technicians')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => print('report-warranty')}
            data-testid="print-report-warranty"
          >
            {t('reports.print.warranty')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => print('report-service-quality')}
            data-testid="print-report-service-quality"
          >
            {t('reports.print.serviceQuality')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <PeriodPicker value={state} onChange={setPeriod} />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={TABS.map((name) => ({
            key: name,
            label: <span data-testid={`report-tab-${name}`}>{t(`reports.tabs.${name}`)}</span>,
            children: body(name),
          }))}
        />
      </Flex>
    </Card>
  );
}
