import { t } from '../i18n';
import { useTitle } from '../hooks';
import { Link } from '../router';
import { Empty, PageHeader } from '../components/ui';

export function NotFoundPage() {
  useTitle(t('notfound.title'));
  return (
    <>
      <PageHeader title={t('notfound.title')} />
      <Empty title={t('notfound.body')}>
        <Link href="/" class="btn btn-primary">
          {t('notfound.home')}
        </Link>
      </Empty>
    </>
  );
}
