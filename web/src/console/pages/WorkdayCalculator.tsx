import { CalendarOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../lib/problems.ts';

interface WorkdayForm {
  start: Dayjs;
  workdays: number;
}

/** "工作日计算": the due date N working days after a start date, by the server's holiday calendar. */
export function WorkdayCalculator() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<WorkdayForm>();
  const due = useMutation({
    mutationFn: (values: { start: string; workdays: number }) =>
      api.get<{ due: string }>('/calendar/due', values).then((answer) => ({ ...values, due: answer.due })),
  });
  const result = due.data;
  const dueDate = result ? dayjs(result.due) : null;
  return (
    <Card
      title={
        <span>
          <CalendarOutlined style={{ marginRight: 8 }} />
          {t('workday.title')}
        </span>
      }
      style={{ height: '100%' }}
      data-testid="workday-widget"
    >
      <Typography.Paragraph type="secondary">{t('workday.description')}</Typography.Paragraph>
      <Form<WorkdayForm>
        form={form}
        name="workday"
        layout="inline"
        initialValues={{ start: dayjs(), workdays: 10 }}
        onFinish={(values) =>
          due.mutate({ start: values.start.format('YYYY-MM-DD'), workdays: values.workdays })
        }
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="start"
          label={t('workday.start')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('workday.start') }) }]}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="workdays"
          label={t('workday.days')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('workday.days') }) }]}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            suffix={t('workday.daysSuffix')}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={due.isPending}>
            {t('workday.calculate')}
          </Button>
        </Form.Item>
      </Form>
      {due.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('workday.failed')}
          description={errorText(due.error, t)}
        />
      )}
      {result && dueDate && (
        <div style={{ marginTop: 16 }} data-testid="workday-due">
          <Statistic
            title={t('workday.result', { start: result.start, days: result.workdays })}
            value={
              dueDate.isValid()
                ? dueDate.format(lang === 'en' ? 'ddd, D MMM YYYY' : 'YYYY年M月D日 dddd')
                : result.due
            }
            styles={{ content: { color: '#1d4f91' } }}
          />
        </div>
      )}
    </Card>
  );
}
