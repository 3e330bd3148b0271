import { useState, type Ref } from 'react';
import { Flex, Input, Tag, Typography, type InputRef } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Part } from '@shared/schemas/stock';
import { usePartPicker, usePartSearchNow } from '../api/stock';
import { handleListKey, PickList, type PickItem } from './PickList';
import { formatYuan } from '../lib/money';

/** The part a scan names: its code or barcode typed exactly; else the only match, or the first. */
function bestMatch(rows: Part[], text: string): Part | undefined {
  const typed = text.trim().toUpperCase();
  return rows.find((p) => p.code === typed || p.barcode.toUpperCase() === typed) ?? rows[0];
}

interface PartPickerProps {
  onPick: (part: Part) => void;
  /** Parts already chosen elsewhere in the form, marked in the list. */
  chosenIds?: readonly string[];
  testId: string;
  inputRef?: Ref<InputRef>;
  autoFocus?: boolean;
}

/**
 * Search the catalog by code, name, barcode or compatible model; ↑/↓ and Enter pick, and so does a
 * barcode scanner (it types the code and Enter faster than the list can follow, so Enter asks now).
 * Each row shows what is on the shelf and where.
 */
export function PartPicker({ onPick, chosenIds = [], testId, inputRef, autoFocus }: PartPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const { query, search } = usePartPicker(text);
  const searchNow = usePartSearchNow();
  const rows = query.data?.rows ?? [];

  const choose = (part: Part | undefined) => {
    if (!part) return;
    onPick(part);
    setText('');
    setActive(0);
  };
  const pick = async (index: number) => {
    const typed = text.trim();
    const settled = search === typed.slice(0, 60) && !query.isPlaceholderData;
    if (settled) {
      // An exact code or barcode wins over the highlighted row only when nothing was moved to.
      choose(index === 0 && typed ? bestMatch(rows, typed) : rows[index]);
      return;
    }
    const fresh = await searchNow(typed).catch(() => undefined);
    choose(bestMatch(fresh?.rows ?? [], typed));
  };

  const items: PickItem[] = rows.map((p) => ({
    key: p.id,
    testId: `${testId}-option-${p.code}`,
    content: (
      <>
        <Flex vertical style={{ minWidth: 0 }}>
          <Flex gap="small" align="baseline" wrap>
            <Typography.Text strong>{p.code}</Typography.Text>
            <span>{p.name}</span>
            {p.spec && <Typography.Text type="secondary">{p.spec}</Typography.Text>}
            {chosenIds.includes(p.id) && <Tag color="blue">{t('orderParts.picked')}</Tag>}
          </Flex>
          {(p.compatibleModels || p.barcode) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {[p.compatibleModels, p.barcode && `${t('orderParts.barcode')} ${p.barcode}`]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={4} align="center" style={{ flexShrink: 0 }}>
          <Tag color={p.onHand > 0 ? 'green' : 'red'} data-testid={`${testId}-onhand-${p.code}`}>
            {t('orderParts.onHand', { qty: p.onHand, unit: p.unit })}
          </Tag>
          {p.location && <Tag>{t('orderParts.location', { location: p.location })}</Tag>}
          <Typography.Text type="secondary">{formatYuan(p.salePrice)}</Typography.Text>
        </Flex>
      </>
    ),
  }));

  return (
    <Flex vertical gap="small">
      <Input
        ref={inputRef}
        autoFocus={autoFocus}
        value={text}
        allowClear
        prefix={<BarcodeOutlined />}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (handleListKey(e, items.length, active, setActive, (i) => void pick(i))) return;
          // Enter before any row came back (a scan): never let it submit the form around us.
          if (e.key === 'Enter') {
            e.preventDefault();
            if (text.trim()) void pick(0);
          }
        }}
        placeholder={t('orderParts.pickerPlaceholder')}
        aria-label={t('orderParts.picker')}
        data-testid={`${testId}-search`}
      />
      <div style={{ maxHeight: 240, overflowY: 'auto' }}>
        <PickList
          items={items}
          active={active}
          onActive={setActive}
          onPick={(i) => void pick(i)}
          testId={`${testId}-list`}
          label={t('orderParts.picker')}
          empty={query.isFetching ? t('orderParts.searching') : t('orderParts.noMatch')}
        />
      </div>
    </Flex>
  );
}
