// The map of reports and ideas (the whole instance at /map, one space at
// /spaces/:slug/map), with a list of the same items beside it: the list is
// the way through for keyboards and screen readers, and "Show on map" in it
// moves the map to the item. Filters by kind, status (the kind's workflow)
// and category are form controls above both. Loaded on first visit, so
// Leaflet stays out of the main bundle.
import { useEffect, useRef, useState } from 'preact/hooks';
import { enc } from '../api';
import { useResource, useTitle } from '../hooks';
import { t, tn } from '../i18n';
import { Link } from '../router';
import { useMe } from '../session';
import { categoryLabel } from '../components/place';
import { ErrorBox, Loading, PageHeader } from '../components/ui';
import type { Item, Space } from '../types';
import { kindRule, takesField, vocabulary } from '../vocabulary';
import { mapSettings } from '../map/instance';
import type { MapSettings } from '../map/instance';
import { ItemsMap } from '../map/items_map';
import type { MapHandle } from '../map/items_map';
import { MapLegend } from '../map/legend';
import { kindLabel, statusLabel } from '../map/marker_style';
import { useMapItems } from '../map/use_map_items';

const WORLD = '-90,-180,90,180';

// The kinds that carry a place (their rule takes `location`).
export function placedKinds(): string[] {
  return vocabulary()
    .kinds.filter((k) => takesField(k.name, 'location'))
    .map((k) => k.name);
}

function MapFiltersForm({ kind, status, category, onChange }: { kind: string; status: string; category: string; onChange: (f: { kind: string; status: string; category: string }) => void }) {
  const statuses = kind ? (kindRule(kind)?.statuses ?? []) : [];
  return (
    <form class="map-filters" aria-label={t('map.filters')} onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="map-kind">{t('map.filter_kind')}</label>
        <select id="map-kind" value={kind} onChange={(e) => onChange({ kind: e.currentTarget.value, status: '', category })}>
          <option value="">{t('map.all_kinds')}</option>
          {placedKinds().map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="map-status">{t('map.filter_status')}</label>
        <select id="map-status" value={status} disabled={!kind} aria-describedby={kind ? undefined : 'map-status-hint'} onChange={(e) => onChange({ kind, status: e.currentTarget.value, category })}>
          <option value="">{t('map.all_statuses')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        {!kind && (
          <p id="map-status-hint" class="small muted">
            {t('map.status_needs_kind')}
          </p>
        )}
      </div>
      <div class="field">
        <label for="map-category">{t('map.filter_category')}</label>
        <select id="map-category" value={category} onChange={(e) => onChange({ kind, status, category: e.currentTarget.value })}>
          <option value="">{t('map.all_categories')}</option>
          {(vocabulary().categories ?? []).map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function ItemRow({ item, selected, onShow }: { item: Item; selected: boolean; onShow: () => void }) {
  const title = item.title || t('map.untitled');
  return (
    <li class={selected ? 'selected' : undefined} data-item-id={item.id}>
      <Link href={`/items/${enc(item.id)}`} class="map-list-title">
        {title}
      </Link>
      <p class="map-list-facts">
        {[kindLabel(item.kind), statusLabel(item.status), item.category ? categoryLabel(item.category) : '', item.location?.address ?? ''].filter(Boolean).join(' · ')}
      </p>
      <button type="button" class="btn btn-secondary btn-small" onClick={onShow}>
        {t('map.show')}
        <span class="visually-hidden"> {title}</span>
      </button>
    </li>
  );
}

export function MapPage({ slug }: { slug?: string }) {
  const me = useMe();
  const space = useResource<Space>(slug ? `/spaces/${enc(slug)}` : null);
  const [settings, setSettings] = useState<MapSettings | null>(null);
  const [filters, setFilters] = useState({ kind: '', status: '', category: '' });
  const [box, setBox] = useState(WORLD);
  const [selected, setSelected] = useState<string | null>(null);
  const handle = useRef<MapHandle | null>(null);
  const fitted = useRef(false);
  const result = useMapItems(settings ? box : null, { space: slug, ...filters });
  const name = space.data?.name ?? slug ?? '';
  const title = slug ? t('map.title_space', { space: name }) : t('map.title');
  useTitle(title);

  useEffect(() => {
    let live = true;
    mapSettings().then((s) => live && setSettings(s));
    return () => {
      live = false;
    };
  }, []);

  // The first answer (the whole world) decides where the map looks.
  useEffect(() => {
    if (fitted.current || result.loaded === 0) return;
    fitted.current = true;
    handle.current?.fit(result.items);
  }, [result.loaded]);

  if (space.error) return <ErrorBox error={space.error} retry={space.reload} />;
  const canReport = !!slug && !!me && !!space.data?.can.post && takesField('report', 'location');
  const count = result.items.length;
  return (
    <>
      <PageHeader title={title}>
        {slug && <Link href={`/spaces/${enc(slug)}`}>{t('ideas.back', { space: name })}</Link>}
        {canReport && (
          <Link href={`/spaces/${enc(slug!)}/report`} class="btn btn-primary">
            {t('report_form.link')}
          </Link>
        )}
      </PageHeader>
      <MapFiltersForm {...filters} onChange={setFilters} />
      <p class="map-note small" role="status" aria-live="polite" data-testid="map-count">
        {result.loading ? t('map.loading') : result.capped ? t('map.capped', { n: count }) : tn('map.count', count)}
      </p>
      {result.error && <ErrorBox error={result.error} />}
      <div class="map-layout">
        <div>
          {settings ? <ItemsMap settings={settings} items={result.items} onMove={setBox} handle={handle} label={t('map.map_label')} /> : <Loading />}
          <MapLegend kinds={filters.kind ? [filters.kind] : placedKinds()} />
        </div>
        <section aria-labelledby="map-list-title">
          <h2 id="map-list-title" class="section-title">
            {t('map.list_title')}
          </h2>
          {count === 0 && !result.loading ? (
            <p class="muted">{t('map.empty')}</p>
          ) : (
            <ul class="map-list" data-testid="map-list" aria-labelledby="map-list-title">
              {result.items.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  selected={selected === item.id}
                  onShow={() => {
                    setSelected(item.id);
                    handle.current?.show(item.id);
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
