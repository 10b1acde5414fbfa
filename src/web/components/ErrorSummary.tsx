import { Alert, Anchor, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** id of the field the link focuses */
  fieldId: string;
  message: string;
}

/**
 * GOV.UK-style error summary: at the top of the form, focused when it appears, each message a link
 * that moves focus to its field.
 */
export function ErrorSummary({ title, items }: { title?: string; items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const show = items.length > 0 || !!title;
  const key = items.map((i) => i.fieldId + i.message).join('|') + (title ?? '');
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, key]);
  if (!show) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="outline"
      role="alert"
      title={t('errorSummary.title')}
      styles={{
        root: { borderWidth: 3, borderColor: 'var(--mantine-color-red-8)' },
        title: { color: 'var(--mantine-color-red-9)', fontSize: 18 },
      }}
    >
      {title && <p style={{ margin: '0 0 8px' }}>{title}</p>}
      {items.length > 0 && (
        <List spacing={4}>
          {items.map((i) => (
            <List.Item key={i.fieldId + i.message}>
              <Anchor
                href={`#${i.fieldId}`}
                c="red.9"
                fw={600}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(i.fieldId);
                  el?.scrollIntoView({ block: 'center' });
                  el?.focus();
                }}
              >
                {i.message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
