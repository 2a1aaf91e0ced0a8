import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { placeRefusal } from '../lib/problems.ts';

/**
 * A dialog with a form: validates, submits, and on a refusal puts the server's field errors next
 * to the fields and its other messages on top. Mount it only while open (each opening starts clean).
 */
export function FormModal<T extends object>({
  title,
  okText,
  initialValues,
  fieldNames,
  onSubmit,
  onClose,
  children,
  name,
  width = 560,
}: {
  title: string;
  okText?: string;
  initialValues?: Partial<T>;
  /** Form fields that the server may name in `/body/<field>` errors. */
  fieldNames: readonly string[];
  onSubmit(values: T, form: FormInstance<T>): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
  /** Form name, which prefixes the inputs' ids (`<name>_<field>`). */
  name: string;
  width?: number;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(values, form);
    } catch (error) {
      setProblem(placeRefusal(form, error, fieldNames, t) ?? t('common.formInvalid'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'form-submit' } as Record<string, string>}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="form-problem"
        />
      )}
      <Form<T>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
      >
        {children}
        {/* Enter in a text field submits. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
