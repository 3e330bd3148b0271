import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/** A list's search box; its placeholder is its accessible name too. */
export function SearchInput({
  value,
  onChange,
  placeholder,
  width,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  width: number;
  testId: string;
}) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      data-testid={testId}
    />
  );
}
