import {
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { LanguageSwitch, switchLanguage } from '../components/LanguageSwitch';
import { applyLang, currentLang } from '../i18n';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.title')} · Asah`);
  const search = useSearch({ from: '/masuk' });
  const router = useRouter();
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [langChosen, setLangChosen] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!username.trim()) errs.username = `${t('signIn.username')}: ${t('validation.required')}`;
    if (!password) errs.password = `${t('signIn.password')}: ${t('validation.required')}`;
    setFieldErrors(errs);
    setProblem(null);
    if (errs.username || errs.password) return;
    setBusy(true);
    try {
      const me = await unwrap(api.POST('/api/auth/login', { body: { username: username.trim(), password } }));
      // A language picked on this page wins; otherwise the account's saved language.
      if (langChosen && me.locale !== currentLang()) {
        await switchLanguage(currentLang(), true);
        me.locale = currentLang();
      } else await applyLang(me.locale);
      qc.setQueryData(['me'], me);
      // The redirect is a same-site path with its query string (checked in search.ts).
      router.history.push(search.redirect ?? '/');
    } catch (err) {
      setProblem(err instanceof ApiError ? err.title : t('common.loadFailed'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    ...(fieldErrors.username ? [{ fieldId: 'username', message: fieldErrors.username }] : []),
    ...(fieldErrors.password ? [{ fieldId: 'password', message: fieldErrors.password }] : []),
  ];

  return (
    <Box bg="asah.0" mih="100vh">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch signedIn={false} onSwitched={() => setLangChosen(true)} />
      </Group>
      <Center px="md" pb="xl">
        <Paper
          component="main"
          withBorder
          shadow="sm"
          p={{ base: 'md', sm: 'xl' }}
          radius="md"
          w="100%"
          maw={440}
        >
          <Stack gap="md">
            <div>
              <Text fw={800} fz={28} c="asah.8">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <Title order={1} fz={26}>
              {t('signIn.title')}
            </Title>
            <Text>{t('signIn.intro')}</Text>
            <ErrorSummary title={problem ?? undefined} items={summary} />
            <form onSubmit={(e) => void submit(e)} noValidate>
              <Stack gap="md">
                <TextInput
                  id="username"
                  label={t('signIn.username')}
                  description={t('signIn.usernameHint')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={fieldErrors.username}
                  required
                />
                <PasswordInput
                  id="password"
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  required
                />
                <Button type="submit" loading={busy} fullWidth>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
