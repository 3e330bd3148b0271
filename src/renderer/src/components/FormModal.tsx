import { useRef, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

interface FormModalProps<T> {
  title: ReactNode;
  /** `x` gives data-testid `x-form` on the form and `x-submit` on its submit button. */
  testId: string;
  /** Form name: prefixes input ids, so labels stay unique on the page. */
  name: string;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  submitText?: ReactNode;
  pending: boolean;
  /** A message for the last failed submit, shown above the buttons. */
  error?: string | null;
  onFinish: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal holding one form whose own submit button (and the Enter key) submits it.
 * Mount it only while it is open, so each opening starts clean.
 */
export function FormModal<T>(props: FormModalProps<T>) {
  const { t } = useTranslation();
  const {
    title,
    testId,
    name,
    form,
    initialValues,
    submitText,
    pending,
    error,
    onFinish,
    onClose,
    children,
  } = props;
  const body = useRef<HTMLDivElement>(null);
  // Without the opening animation (the system's reduce-motion setting) the dialog takes the focus
  // after a field's autoFocus asked for it: then the first field gets it, so typing goes to the form.
  const focusFirstField = (open: boolean) => {
    const root = body.current;
    if (!open || !root || root.contains(document.activeElement)) return;
    root
      .querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea:not([disabled])')
      ?.focus();
  };
  return (
    <Modal
      open
      title={title}
      footer={null}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={focusFirstField}
    >
      <div ref={body}>
        <Form<T>
          form={form}
          name={name}
          layout="vertical"
          data-testid={`${testId}-form`}
          initialValues={initialValues}
          onFinish={onFinish}
        >
          {children}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              data-testid={`${testId}-error`}
              style={{ marginBottom: 16 }}
            />
          )}
          <Flex justify="end" gap="small">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={pending} data-testid={`${testId}-submit`}>
              {submitText ?? t('common.save')}
            </Button>
          </Flex>
        </Form>
      </div>
    </Modal>
  );
}
