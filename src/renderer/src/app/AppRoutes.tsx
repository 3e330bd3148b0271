import type { ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import type { Permission } from '@shared/roles';
import { Forbidden } from '../components/Forbidden';
import { AuditPage } from '../pages/audit/AuditPage';
import { BackupPage } from '../pages/backup/BackupPage';
import { HistoryImportPage } from '../pages/history/HistoryImportPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { CustomerDetailPage } from '../pages/customers/CustomerDetailPage';
import { CustomersPage } from '../pages/customers/CustomersPage';
import { DayClosePage } from '../pages/settlements/dayClose/DayClosePage';
import { NewSettlementPage } from '../pages/settlements/NewSettlementPage';
import { SettlementPage } from '../pages/settlements/SettlementPage';
import { SettlementsPage } from '../pages/settlements/SettlementsPage';
import { HomePage } from '../pages/home/HomePage';
import { IntakePage } from '../pages/intake/IntakePage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { StockAlertsPage } from '../pages/stock/alerts/StockAlertsPage';
import { NewDocumentPage } from '../pages/stock/documents/NewDocumentPage';
import { StockDocumentPage } from '../pages/stock/documents/StockDocumentPage';
import { StockDocumentsPage } from '../pages/stock/documents/StockDocumentsPage';
import { PartsPage } from '../pages/stock/parts/PartsPage';
import { StockReportsPage } from '../pages/stock/reports/StockReportsPage';
import { SuppliersPage } from '../pages/stock/suppliers/SuppliersPage';
import { UsersPage } from '../pages/users/UsersPage';
import { WorkOrderDetailPage } from '../pages/workOrders/WorkOrderDetailPage';
import { WorkOrdersPage } from '../pages/workOrders/WorkOrdersPage';
import { PrintRoute } from '../print/PrintRoute';
import { useCan, useIsHost } from '../api/session';
import { LanPage } from '../pages/lan/LanPage';
import { FollowUpsPage } from '../pages/followUps/FollowUpsPage';
import { OnsiteBoardPage } from '../pages/onsite/OnsiteBoardPage';
import { ComplaintsPage } from '../pages/complaints/ComplaintsPage';
import { ComplaintDetailPage } from '../pages/complaints/ComplaintDetailPage';
import { MessageTemplatesPage } from '../pages/messages/MessageTemplatesPage';
import { OutboxPage } from '../pages/messages/OutboxPage';
import { AppointmentsPage } from '../pages/appointments/AppointmentsPage';
import { MaintenancePage } from '../pages/maintenance/MaintenancePage';

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <Forbidden />;
}

/** A page of the host PC only: a terminal gets the not-allowed page (dispatch refuses with hostOnly). */
function RequireHost({ children }: { children: ReactNode }) {
  return useIsHost() ? children : <Forbidden />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route
        path="/intake"
        element={
          <RequirePermission permission="workOrders.write">
            <IntakePage />
          </RequirePermission>
        }
      />
      <Route
        path="/customers"
        element={
          <RequirePermission permission="customers.read">
            <CustomersPage />
          </RequirePermission>
        }
      />
      <Route
        path="/customers/:id"
        element={
          <RequirePermission permission="customers.read">
            <CustomerDetailPage />
          </RequirePermission>
        }
      />
      <Route
        path="/work-orders"
        element={
          <RequirePermission permission="workOrders.read">
            <WorkOrdersPage />
          </RequirePermission>
        }
      />
      <Route
        path="/work-orders/:id"
        element={
          <RequirePermission permission="workOrders.read">
            <WorkOrderDetailPage />
          </RequirePermission>
        }
      />
      <Route
        path="/outbox"
        element={
          <RequirePermission permission="messages.manage">
            <OutboxPage />
          </RequirePermission>
        }
      />
      <Route
        path="/message-templates"
        element={
          <RequirePermission permission="messages.manage">
            <MessageTemplatesPage />
          </RequirePermission>
        }
      />
      <Route
        path="/appointments"
        element={
          <RequirePermission permission="appointments.read">
            <AppointmentsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/onsite"
        element={
          <RequirePermission permission="workOrders.read">
            <OnsiteBoardPage />
          </RequirePermission>
        }
      />
      <Route
        path="/maintenance"
        element={
          <RequirePermission permission="maintenance.work">
            <MaintenancePage />
          </RequirePermission>
        }
      />
      <Route
        path="/follow-ups"
        element={
          <RequirePermission permission="followUps.work">
            <FollowUpsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/stock"
        element={
          <RequirePermission permission="stock.read">
            <Outlet />
          </RequirePermission>
        }
      >
        <Route index element={<Navigate to="/stock/parts" replace />} />
        <Route path="parts" element={<PartsPage />} />
        <Route path="documents" element={<StockDocumentsPage />} />
        <Route
          path="documents/new/:kind"
          element={
            <RequirePermission permission="stock.write">
              <NewDocumentPage />
            </RequirePermission>
          }
        />
        <Route path="documents/:id" element={<StockDocumentPage />} />
        <Route path="alerts" element={<StockAlertsPage />} />
        <Route path="reports" element={<StockReportsPage />} />
        <Route path="suppliers" element={<SuppliersPage />} />
      </Route>
      <Route
        path="/settlements"
        element={
          <RequirePermission permission="settlements.read">
            <Outlet />
          </RequirePermission>
        }
      >
        <Route index element={<SettlementsPage />} />
        <Route
          path="new/:orderId"
          element={
            <RequirePermission permission="settlements.write">
              <NewSettlementPage />
            </RequirePermission>
          }
        />
        <Route path=":id" element={<SettlementPage />} />
      </Route>
      <Route
        path="/complaints"
        element={
          <RequirePermission permission="complaints.read">
            <Outlet />
          </RequirePermission>
        }
      >
        <Route index element={<ComplaintsPage />} />
        <Route path=":id" element={<ComplaintDetailPage />} />
      </Route>
      <Route
        path="/day-close"
        element={
          <RequirePermission permission="settlements.read">
            <DayClosePage />
          </RequirePermission>
        }
      />
      <Route
        path="/reports"
        element={
          <RequirePermission permission="reports.read">
            <ReportsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/history-import"
        element={
          <RequirePermission permission="history.import">
            <HistoryImportPage />
          </RequirePermission>
        }
      />
      <Route
        path="/backup"
        element={
          <RequirePermission permission="backup.run">
            <RequireHost>
              <BackupPage />
            </RequireHost>
          </RequirePermission>
        }
      />
      {['/settings', '/settings/:section'].map((path) => (
        <Route
          key={path}
          path={path}
          element={
            <RequirePermission permission="settings.read">
              <SettingsPage />
            </RequirePermission>
          }
        />
      ))}
      <Route
        path="/users"
        element={
          <RequirePermission permission="users.read">
            <UsersPage />
          </RequirePermission>
        }
      />
      <Route
        path="/audit"
        element={
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        }
      />
      <Route
        path="/lan"
        element={
          <RequirePermission permission="lan.manage">
            <RequireHost>
              <LanPage />
            </RequireHost>
          </RequirePermission>
        }
      />
      <Route path="/print/:form/:id" element={<PrintRoute />} />
      <Route path="*" element={<Forbidden notFound />} />
    </Routes>
  );
}
