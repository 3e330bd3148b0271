import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MovementsTab } from './MovementsTab';
import { UsageTab } from './UsageTab';
import { ValuationTab } from './ValuationTab';

const TABS = ['valuation', 'movements', 'usage'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** 库存报表: stock on hand with its value, movements of a period, most-used parts. */
export function StockReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'valuation';
  return (
    <Card title={t('stock.reports.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'valuation',
            label: <span data-testid="reports-tab-valuation">{t('stock.reports.valuation')}</span>,
            children: <ValuationTab />,
          },
          {
            key: 'movements',
            label: <span data-testid="reports-tab-movements">{t('stock.reports.movements')}</span>,
            children: <MovementsTab />,
          },
          {
            key: 'usage',
            label: <span data-testid="reports-tab-usage">{t('stock.reports.usage')}</span>,
            children: <UsageTab />,
          },
        ]}
      />
    </Card>
  );
}
