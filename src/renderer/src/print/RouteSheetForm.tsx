import { useTranslation } from 'react-i18next';
import { wordOf } from '@shared/labels';
import type { RouteSheets, RouteStop } from '@shared/schemas/onsite';
import type { SettingsView } from '@shared/schemas/settings';
import type { PrintLabels } from './labels';
import { ShopHeader } from './parts';
import { ReprintMark } from './reprint';
import './onsite.css';

/** Ten stops fill an A4 sheet with the header; a longer day goes on to another sheet. */
const STOPS_PER_SHEET = 10;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Parts issued to the order (已领) and awaited (待料), then the accessories to bring back. */
function Bring({ stop, labels }: { stop: RouteStop; labels: PrintLabels }) {
  const { t } = useTranslation();
  const parts = stop.parts.map(
    (p) =>
      `${p.name} ×${p.qty}（${t(p.state === 'reserved' ? 'onsite.route.reserved' : 'onsite.route.waiting')}）`,
  );
  const accessories = [
    ...stop.accessories.map((a) => wordOf(labels.codes.accessories, a) ?? a),
    ...(stop.accessoriesNote ? [stop.accessoriesNote] : []),
  ];
  if (parts.length === 0 && accessories.length === 0) return <>{t('onsite.route.nothing')}</>;
  return (
    <>
      {parts.map((p) => (
        <div key={p}>{p}</div>
      ))}
      {accessories.length > 0 && <div className="pf-route-small">{accessories.join('、')}</div>}
    </>
  );
}

/**
 * 上门路线单: one A4 sheet per technician (page breaks between them), the day's stops in window
 * order with addresses, phones, devices, faults and what to bring, and room to note in/out times.
 */
export function RouteSheetForm({
  data,
  settings,
  labels,
}: {
  data: RouteSheets;
  settings: SettingsView;
  labels: PrintLabels;
}) {
  const { t } = useTranslation();
  return (
    <>
      {data.sheets.flatMap(({ technician, stops }) =>
        chunks(stops, STOPS_PER_SHEET).map((page, index) => (
          <div
            key={`${technician.id}-${index}`}
            className="pf-sheet pf-sheet--a4"
            data-testid="print-route-sheet"
            data-technician={technician.name}
          >
            <div className="pf-onsite">
              <header className="pf-head">
                <ShopHeader shop={settings.shop} labels={labels} />
                <div className="pf-head__title">
                  <div className="pf-title">{t('onsite.route.title')}</div>
                  <ReprintMark />
                </div>
              </header>
              <div className="pf-route-meta">
                <span>
                  {t('onsite.route.technician')}：<strong>{technician.name}</strong>
                </span>
                <span>
                  {t('onsite.route.date')}：<strong>{data.day}</strong>
                </span>
                <span>{t('onsite.route.stops', { count: stops.length })}</span>
              </div>
              {stops.length === 0 ? (
                <div className="pf-message">{t('onsite.route.empty')}</div>
              ) : (
                <table className="pf-route-stops">
                  <colgroup>
                    <col className="pf-route-stops__no" />
                    <col className="pf-route-stops__window" />
                    <col className="pf-route-stops__customer" />
                    <col />
                    <col className="pf-route-stops__bring" />
                    <col className="pf-route-stops__times" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th>{t('onsite.route.no')}</th>
                      <th>{t('onsite.route.window')}</th>
                      <th>{t('onsite.route.customer')}</th>
                      <th>
                        {t('onsite.route.address')} · {t('onsite.route.job')}
                      </th>
                      <th>{t('onsite.route.bring')}</th>
                      <th>
                        {t('onsite.route.arrive')} / {t('onsite.route.leave')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.map((stop, i) => (
                      <tr key={stop.workOrderId} data-testid="print-route-stop">
                        <td>{index * STOPS_PER_SHEET + i + 1}</td>
                        <td>
                          <strong>
                            {stop.fromTime}–{stop.toTime}
                          </strong>
                        </td>
                        <td>
                          {stop.customerName}
                          <div>{stop.phones.join(' / ')}</div>
                        </td>
                        <td>
                          <strong>{stop.address}</strong>
                          <div>{stop.device}</div>
                          <div className="pf-route-small">
                            {stop.orderNo} · {stop.fault}
                          </div>
                        </td>
                        <td>
                          <Bring stop={stop} labels={labels} />
                        </td>
                        <td />
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        )),
      )}
    </>
  );
}
