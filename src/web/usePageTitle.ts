// Sets the document title for the page being shown ("<page> · OCOP Việt Nam").
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => { if (title) document.title = `${title} · ${t('app.name')}`; }, [title, t]);
}
