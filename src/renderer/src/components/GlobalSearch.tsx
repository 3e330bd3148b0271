import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { Input, Spin, Tag, Typography, type InputRef } from 'antd';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { searchTerm, useGlobalSearch, useSearchNow, type SearchResult } from '../api/search';
import { useCan } from '../api/session';
import { StatusTag } from './counterTags';
import { Highlighted } from './Highlighted';
import { isPlainKey } from './keyboard';
import './counter.css';

type Group = 'customers' | 'devices' | 'workOrders' | 'new';

interface Hit {
  key: string;
  group: Group;
  testId: string;
  title: ReactNode;
  /** A second line: for a work order, its fault around the words typed. */
  detail?: ReactNode;
  extra?: ReactNode;
  path: string;
}

/** A query that is a whole phone number (7+ digits, separators allowed), as digits; else null. */
export function phoneQuery(q: string): string | null {
  const digits = q.replace(/[\s\-()+]/g, '');
  return /^\d{7,20}$/.test(digits) ? digits : null;
}

function buildHits(result: SearchResult, q: string, canIntake: boolean, t: TFunction): Hit[] {
  const hits: Hit[] = [];
  for (const c of result.customers) {
    hits.push({
      key: `c:${c.id}`,
      group: 'customers',
      testId: `search-item-customer-${c.id}`,
      title: (
        <>
          <span className="gsearch__main">{c.name}</span>
          <span className="gsearch__sub">{c.phone}</span>
          <span className="gsearch__sub">{c.code}</span>
        </>
      ),
      extra: (
        <>
          {c.level && <Tag>{c.level}</Tag>}
          {c.archived && <Tag>{t('customers.archivedTag')}</Tag>}
        </>
      ),
      path: `/customers/${c.id}`,
    });
  }
  for (const d of result.devices) {
    hits.push({
      key: `d:${d.id}`,
      group: 'devices',
      testId: `search-item-device-${d.id}`,
      title: (
        <>
          <span className="gsearch__main">{d.label}</span>
          {d.label !== d.category && <span className="gsearch__sub">{d.category}</span>}
          {d.serialNo && <span className="gsearch__sub">{d.serialNo}</span>}
          <span className="gsearch__sub">{d.customerName}</span>
        </>
      ),
      path: `/customers/${d.customerId}`,
    });
  }
  for (const o of result.workOrders) {
    hits.push({
      key: `o:${o.id}`,
      group: 'workOrders',
      testId: `search-item-order-${o.id}`,
      title: (
        <>
          <span className="gsearch__main">{o.orderNo}</span>
          <span className="gsearch__sub">{o.customerName}</span>
          <span className="gsearch__sub">{o.deviceLabel}</span>
        </>
      ),
      detail: o.snippet.text && (
        <>
          {o.snippet.field === 'diagnosis' && t('search.diagnosisPrefix')}
          <Highlighted text={o.snippet.text} highlights={o.snippet.highlights} />
        </>
      ),
      extra: <StatusTag status={o.status} />,
      path: `/work-orders/${o.id}`,
    });
  }
  const phone = phoneQuery(q);
  if (phone && canIntake && result.customers.length === 0) {
    hits.push({
      key: 'new',
      group: 'new',
      testId: 'search-new-intake',
      title: (
        <span className="gsearch__main">
          <UserAddOutlined /> {t('search.newIntake')} <Typography.Text code>{phone}</Typography.Text>
        </span>
      ),
      path: `/intake?phone=${encodeURIComponent(phone)}`,
    });
  }
  return hits;
}

/**
 * The one search box in the header: `/` (outside text fields) or F2 (anywhere) focuses it. Results
 * come as you type, grouped; ↑↓ move, Enter opens, Esc closes. A scanner's order number + Enter
 * opens the order even before the results arrive; the claim ticket of an order ready for pickup
 * opens its delivery's hand-over with the ticket ticked as scanned.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { query: search, q: settledQ } = useGlobalSearch(text);
  const searchNow = useSearchNow();
  const canWriteCustomers = useCan('customers.write');
  const canWriteOrders = useCan('workOrders.write');
  const canIntake = canWriteCustomers && canWriteOrders;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const slash = event.key === '/' && isPlainKey(event);
      if (!slash && event.key !== 'F2') return;
      event.preventDefault();
      inputRef.current?.focus({ cursor: 'all' });
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const q = searchTerm(text);
  const hits = q && search.data ? buildHits(search.data, settledQ, canIntake, t) : [];
  const current = Math.min(active, Math.max(hits.length - 1, 0));

  const close = () => {
    setOpen(false);
    setText('');
    setActive(0);
    inputRef.current?.blur();
  };
  const go = (path: string, state?: { scanned: true }) => {
    close();
    void navigate(path, state ? { state } : undefined);
  };

  const enter = async () => {
    if (!q) return;
    const settled = settledQ === q && !search.isPlaceholderData && search.data;
    const result = settled ? search.data : await searchNow(q).catch(() => null);
    if (!result) return;
    // The scanner's case: the query is exactly one order number, and nobody picked another row. A
    // claim ticket scanned for an order ready for pickup lands on its delivery (the hand-over).
    if (result.exactOrderId && (active === 0 || !settled)) {
      const exact = result.workOrders.find((o) => o.id === result.exactOrderId);
      return go(
        `/work-orders/${result.exactOrderId}`,
        exact?.status === 'ready' ? { scanned: true } : undefined,
      );
    }
    const list = buildHits(result, q, canIntake, t);
    const hit = list[settled ? current : 0];
    if (hit) go(hit.path);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void enter();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const groups: Group[] = ['customers', 'devices', 'workOrders', 'new'];
  const showPanel = open && q.length > 0;
  const waiting = search.isFetching || settledQ !== q;

  return (
    <div className="gsearch">
      <Input
        ref={inputRef}
        value={text}
        allowClear
        prefix={<SearchOutlined />}
        suffix={<span className="gsearch__key">/</span>}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={showPanel}
        aria-controls="global-search-panel"
        data-testid="global-search"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div
          className="gsearch__panel"
          id="global-search-panel"
          role="listbox"
          data-testid="global-search-panel"
        >
          {hits.length === 0 && (
            <div className="gsearch__empty" data-testid="search-empty">
              {waiting ? <Spin size="small" /> : t('search.empty')}
            </div>
          )}
          {groups.map((group) => {
            const inGroup = hits.filter((h) => h.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} className="gsearch__group">
                <div className="gsearch__group-title">
                  {group === 'new' ? t('search.noCustomer') : t(`search.${group}`)}
                </div>
                {inGroup.map((hit) => {
                  const index = hits.indexOf(hit);
                  const selected = index === current;
                  return (
                    <div
                      key={hit.key}
                      role="option"
                      aria-selected={selected}
                      className={`gsearch__item${selected ? ' gsearch__item--active' : ''}`}
                      data-testid={hit.testId}
                      // Keep the focus in the box, so the blur does not close the panel first.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => go(hit.path)}
                    >
                      <span className="gsearch__body">
                        <span className="gsearch__title">{hit.title}</span>
                        {hit.detail && (
                          <span className="gsearch__detail" data-testid={`${hit.testId}-detail`}>
                            {hit.detail}
                          </span>
                        )}
                      </span>
                      {hit.extra && <span className="gsearch__extra">{hit.extra}</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
          <div className="gsearch__hint">{t('search.hint')}</div>
        </div>
      )}
    </div>
  );
}
