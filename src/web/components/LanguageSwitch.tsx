import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { applyLang, currentLang, type Lang } from '../i18n';

/** Switches between Bahasa Indonesia and English; saved on this device and, when signed in, on the account. */
export async function switchLanguage(lang: Lang, signedIn: boolean) {
  await applyLang(lang);
  if (signedIn) await api.PUT('/api/auth/locale', { body: { locale: lang } }).catch(() => undefined);
}

export function LanguageSwitch({
  signedIn,
  onSwitched,
}: {
  signedIn: boolean;
  onSwitched?: (lang: Lang) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const next: Lang = currentLang() === 'id' ? 'en' : 'id';
  return (
    <Button
      variant="subtle"
      size="sm"
      lang={next}
      aria-label={`${t('lang.label')}: ${t(`lang.${next}`)}`}
      onClick={async () => {
        await switchLanguage(next, signedIn);
        onSwitched?.(next);
        // Server messages (problem titles) come in the chosen language on the next read.
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
        if (signedIn)
          qc.setQueryData(['me'], (m: object | null | undefined) => (m ? { ...m, locale: next } : m));
      }}
    >
      {next === 'en' ? 'English' : 'Bahasa Indonesia'}
    </Button>
  );
}
