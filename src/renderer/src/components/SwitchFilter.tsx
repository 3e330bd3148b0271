import { Flex, Switch } from 'antd';

/** A small switch in a list's filter bar, its label beside it (and its accessible name). */
export function SwitchFilter({
  checked,
  onChange,
  label,
  testId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  testId?: string;
}) {
  return (
    <Flex gap={6} align="center">
      <Switch size="small" checked={checked} onChange={onChange} aria-label={label} data-testid={testId} />
      <span>{label}</span>
    </Flex>
  );
}
