import { lazy, Suspense } from 'react';

/** The forms and the barcode encoder load only when something is printed. */
const PrintPage = lazy(() => import('./PrintPage'));

export function PrintRoute() {
  return (
    <Suspense fallback={null}>
      <PrintPage />
    </Suspense>
  );
}
