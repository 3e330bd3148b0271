import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFetchValuation } from '../../../api/stock';
import { FacetSelect } from '../parts/FacetSelect';
import type { DraftPart } from './draft';
import { errorMessage } from '../../../i18n/errorMessage';

/**
 * 盘点: load every active part of a category and/or shelf location as count lines (those with
 * nothing on hand too: finding one on the shelf is what a count is for).
 */
export function CountLoader({ onLoad }: { onLoad: (parts: DraftPart[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fetchValuation = useFetchValuation();
  const [category, setCategory] = useState<string | undefined>();
  const [location, setLocation] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);

  const load = async () => {
    setLoading(true);
    try {
      const valued = await fetchValuation({ includeZero: true, ...(category ? { category } : {}) });
      const parts = valued.rows
        .filter((r) => !location || r.location === location)
        .map((r) => ({
          id: r.partId,
          code: r.code,
          name: r.name,
          spec: r.spec,
          unit: r.unit,
          location: r.location,
          onHand: r.onHand,
          costPrice: r.costPrice,
        }));
      if (parts.length === 0) void message.info(t('stock.count.nothingToLoad'));
      onLoad(parts);
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex gap="small" wrap align="center" data-testid="count-loader">
      <span>{t('stock.count.loadLabel')}</span>
      <FacetSelect facet="categories" value={category} onChange={setCategory} testId="count-category" />
      <FacetSelect facet="locations" value={location} onChange={setLocation} testId="count-location" />
      <Button
        icon={<UnorderedListOutlined />}
        loading={loading}
        onClick={() => void load()}
        data-testid="count-load"
      >
        {t('stock.count.load')}
      </Button>
    </Flex>
  );
}
