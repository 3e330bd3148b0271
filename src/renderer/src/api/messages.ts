import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { InputOf } from '@shared/contract';
import type { MessageSettings } from '@shared/schemas/messages';
import { invoke } from './client';
import { queryKeys } from './keys';

/** A message changes the outbox, its order's page (prompt, timeline) and the audit log. */
function afterMessageChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.messages }),
    queryClient.invalidateQueries({ queryKey: queryKeys.workOrders }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]);
}

export function useMessageSettings() {
  return useQuery({ queryKey: queryKeys.messageSettings, queryFn: () => invoke('messages.settings', {}) });
}

export function useSaveMessageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MessageSettings) => invoke('messages.updateSettings', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.messageSettings, saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}

/** The variables' values for the live preview: an order by its number, else the newest, else a sample. */
export function usePreviewValues(orderNo: string) {
  return useQuery({
    queryKey: queryKeys.messagePreview(orderNo),
    queryFn: () => invoke('messages.previewValues', { orderNo }),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxList(input: InputOf<'messages.list'>) {
  return useQuery({
    queryKey: queryKeys.outboxList(input),
    queryFn: () => invoke('messages.list', input),
    placeholderData: keepPreviousData,
  });
}

export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('messages.retry', { id }),
    onSuccess: () => afterMessageChange(queryClient),
  });
}

export function useCancelMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('messages.cancel', { id }),
    onSuccess: () => afterMessageChange(queryClient),
  });
}

/** An order's messages (newest first); under the order's key, so a move of the order reads them again. */
export function useOrderMessages(workOrderId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.orderMessages(workOrderId),
    queryFn: () => invoke('messages.forOrder', { workOrderId }),
    enabled,
  });
}

export function useAnswerMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'messages.answer'>) => invoke('messages.answer', input),
    onSuccess: () => afterMessageChange(queryClient),
  });
}

/** An event's text rendered for the order now (nothing is recorded): Copy for WeChat shows it. */
export function useComposedMessage(input: InputOf<'messages.compose'>) {
  return useQuery({
    queryKey: queryKeys.composedMessage(input.workOrderId, input.event),
    queryFn: () => invoke('messages.compose', input),
  });
}

export function useCopiedForWechat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'messages.copiedForWechat'>) => invoke('messages.copiedForWechat', input),
    onSuccess: () => afterMessageChange(queryClient),
  });
}
