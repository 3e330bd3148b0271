import { Select, type SelectProps } from 'antd';
import { useTechnicians } from '../api/workOrders';

interface TechnicianOption {
  value: string;
  label: string;
  /** Pinyin initials of the name, from the server (陈工 → "cg"). */
  initials: string;
  username: string;
}

/** A typed query finds a technician by any part of the name, or by pinyin initials or user name from the start. */
function matchesTechnician(query: string, option: TechnicianOption): boolean {
  const q = query.trim().toLowerCase();
  return (
    q === '' ||
    option.label.toLowerCase().includes(q) ||
    option.initials.startsWith(q) ||
    option.username.toLowerCase().startsWith(q)
  );
}

type Props<V> = Omit<SelectProps<V, TechnicianOption>, 'options' | 'showSearch'> & {
  /** The order's technician when no longer assignable (disabled, role changed): still shown by name. */
  current?: { id: string; name: string };
};

/** Pick a technician: the active ones, searchable by typing a name or its pinyin initials. */
export function TechnicianSelect<V extends string | null = string | null>({
  current,
  loading,
  ...props
}: Props<V>) {
  const technicians = useTechnicians();
  const options: TechnicianOption[] = (technicians.data ?? []).map((u) => ({
    value: u.id,
    label: u.displayName,
    initials: u.initials,
    username: u.username,
  }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: current.name, initials: '', username: '' });
  }
  return (
    <Select<V, TechnicianOption>
      allowClear
      showSearch={{ filterOption: (input, option) => (option ? matchesTechnician(input, option) : false) }}
      loading={technicians.isPending || loading}
      options={options}
      {...props}
    />
  );
}
