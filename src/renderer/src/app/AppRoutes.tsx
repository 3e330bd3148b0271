import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Permission } from '@shared/roles';
import { Forbidden } from '../components/Forbidden';
import { AuditPage } from '../pages/audit/AuditPage';
import { CustomerDetailPage } from '../pages/customers/CustomerDetailPage';
import { CustomersPage } from '../pages/customers/CustomersPage';
import { HomePage } from '../pages/home/HomePage';
import { IntakePage } from '../pages/intake/IntakePage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { UsersPage } from '../pages/users/UsersPage';
import { WorkOrderDetailPage } from '../pages/workOrders/WorkOrderDetailPage';
import { WorkOrdersPage } from '../pages/workOrders/WorkOrdersPage';
import { PrintRoute } from '../print/PrintRoute';
import { useCan } from './session';

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <Forbidden />;
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
        path="/settings"
        element={
          <RequirePermission permission="settings.read">
            <SettingsPage />
          </RequirePermission>
        }
      />
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
      <Route path="/print/:form/:id" element={<PrintRoute />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
