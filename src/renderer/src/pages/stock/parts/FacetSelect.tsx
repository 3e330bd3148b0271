import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePartFacets } from '../../../api/stock';

const LABELS = {
  categories: { anyOption: 'stock.parts.anyCategory', name: 'stock.parts.category' },
  locations: { anyOption: 'stock.count.anyLocation', name: 'stock.parts.location' },
} as const;

/** Filter parts by a category or a shelf location in use: the choices are the catalog's facets. */
export function FacetSelect({
  facet,
  value,
  onChange,
  width = 150,
  testId,
}: {
  facet: keyof typeof LABELS;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  width?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const facets = usePartFacets();
  return (
    <Select<string>
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t(LABELS[facet].anyOption)}
      aria-label={t(LABELS[facet].name)}
      style={{ width }}
      options={(facets.data?.[facet] ?? []).map((v) => ({ value: v, label: v }))}
      data-testid={testId}
    />
  );
}
