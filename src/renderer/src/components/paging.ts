import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';

const PAGE_SIZES = [20, 50, 100];

/**
 * The pagination of a table the server pages. A new page size starts again at page 1: the page the
 * user was on may not exist at the new size.
 */
export function serverPagination({
  page,
  pageSize,
  total,
  showTotal,
  onChange,
  pageSizeOptions = PAGE_SIZES,
}: {
  page: number;
  pageSize: number;
  total: number;
  showTotal: (total: number) => string;
  onChange: (page: number, pageSize: number) => void;
  pageSizeOptions?: number[];
}): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal,
    onChange: (next, size) => onChange(size === pageSize ? next : 1, size),
  };
}

export interface Paging {
  page: number;
  pageSize: number;
  /** Back to page 1, when a filter or the sort changes. */
  restart: () => void;
  /** A filter's onChange: `set` the value, then back to page 1. */
  withRestart: <T>(set: (value: T) => void) => (value: T) => void;
  /** The table's pagination for `total` rows, `showTotal` saying how many there are. */
  table: (total: number | undefined, showTotal: (total: number) => string) => TablePaginationConfig;
}

/** Page and page size of a server-paged list, kept in the page's state. */
export function usePaging(initialPageSize = 20): Paging {
  const [state, setState] = useState({ page: 1, pageSize: initialPageSize });
  const restart = () => setState((s) => ({ ...s, page: 1 }));
  return {
    ...state,
    restart,
    withRestart: (set) => (value) => {
      set(value);
      restart();
    },
    table: (total, showTotal) =>
      serverPagination({
        ...state,
        total: total ?? 0,
        showTotal,
        onChange: (page, pageSize) => setState({ page, pageSize }),
      }),
  };
}
