// Reporting a problem at a place to a space (/spaces/:slug/report): title,
// category (from the vocabulary), description and the location picker. While
// the member writes, similar open reports are offered (components/
// similar_items.tsx) to follow instead; "Submit mine anyway" sends it.
// Loaded on first visit with the picker's map.
import { useState } from 'preact/hooks';
import { api, enc } from '../api';
import { useResource, useTitle } from '../hooks';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { LocationPicker } from '../components/location_picker';
import { categoryLabel } from '../components/place';
import { SimilarItems, useSimilar } from '../components/similar_items';
import { ErrorBox, InlineError, Loading, PageHeader } from '../components/ui';
import type { Item, ItemLocation, Space } from '../types';
import { vocabulary } from '../vocabulary';

const KIND = 'report';
const MAX_TITLE = 200;
const MAX_BODY = 20000;

export function ReportFormPage({ slug }: { slug: string }) {
  const space = useResource<Space>(`/spaces/${enc(slug)}`);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [body, setBody] = useState('');
  const [location, setLocation] = useState<ItemLocation | null>(null);
  const [visibility, setVisibility] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = space.data?.name ?? slug;
  useTitle(t('report_form.title', { space: name }));
  const similar = useSimilar({ kind: KIND, space: slug, category, lat: location?.lat, lon: location?.lon, text: title });

  if (space.error) return <ErrorBox error={space.error} retry={space.reload} />;
  if (!space.data) return <Loading />;
  const allowed = space.data.allowed_visibilities;
  // A report is for everyone to see where the space allows it.
  const chosen = visibility ?? (allowed.includes('public') ? 'public' : allowed[0]);
  const offered = !!similar && similar.items.length > 0;

  async function submit(e: Event) {
    e.preventDefault();
    const absent = !title.trim() ? 'title' : !category ? 'category' : !body.trim() ? 'body' : !location ? 'location' : null;
    setMissing(absent);
    setError(null);
    if (absent) return;
    setBusy(true);
    try {
      const item = await api.post<Item>('/items', { kind: KIND, space: slug, title: title.trim(), body, category, location, visibility: chosen });
      navigate(`/items/${enc(item.id)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('report_form.title', { space: name })}>
        <Link href={`/spaces/${enc(slug)}/map`}>{t('report_form.to_map')}</Link>
      </PageHeader>
      <form class="card report-form" onSubmit={submit} aria-labelledby="report-form-title" noValidate>
        <h2 id="report-form-title" class="visually-hidden">
          {t('report_form.title', { space: name })}
        </h2>
        <div class="field">
          <label for="report-title">{t('report_form.what')}</label>
          <input id="report-title" type="text" required maxLength={MAX_TITLE} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="report-category">{t('report_form.category')}</label>
          <select id="report-category" required value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('report_form.choose_category')}</option>
            {(vocabulary().categories ?? []).map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="report-body">{t('report_form.description')}</label>
          <textarea id="report-body" required rows={5} maxLength={MAX_BODY} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
        <LocationPicker id="report-location" onChange={setLocation} />
        {allowed.length > 1 && (
          <div class="field">
            <label for="report-visibility">{t('composer.visibility')}</label>
            <select id="report-visibility" value={chosen} onChange={(e) => setVisibility(e.currentTarget.value)}>
              {allowed.map((v) => (
                <option key={v} value={v}>
                  {t(`visibility.item.${v}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <SimilarItems answer={similar} kindName={t('item.kind.report')} />
        {missing && (
          <p class="form-error" role="alert">
            {t(`report_form.missing_${missing}`)}
          </p>
        )}
        <InlineError error={error} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {offered ? t('report_form.submit_anyway') : t('report_form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
