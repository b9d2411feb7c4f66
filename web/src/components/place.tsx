// An item's category and place (reports, ideas), as text: the address when
// the writer gave one, and always the coordinates, so the place can be read
// without a map.
import { t } from '../i18n';
import { Link } from '../router';
import type { Item } from '../types';

export function categoryLabel(category: string): string {
  const key = `category.${category}`;
  const label = t(key);
  return label === key ? category : label;
}

function coordinates(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export function ItemPlace({ item }: { item: Item }) {
  const { category, location } = item;
  if (!category && !location) return null;
  return (
    <dl class="item-place">
      {category && (
        <div>
          <dt>{t('place.category')}</dt>
          <dd data-category={category}>{categoryLabel(category)}</dd>
        </div>
      )}
      {location?.address && (
        <div>
          <dt>{t('place.address')}</dt>
          <dd class="item-address">{location.address}</dd>
        </div>
      )}
      {location && (
        <div>
          <dt>{t('place.coordinates')}</dt>
          <dd class="item-coordinates">{coordinates(location.lat, location.lon)}</dd>
        </div>
      )}
    </dl>
  );
}

// The links a marked duplicate carries both ways: to its original, and from
// the original to the items marked as its duplicates.
export function DuplicateLinks({ item }: { item: Item }) {
  const duplicates = item.duplicates ?? [];
  if (!item.duplicate_of && duplicates.length === 0) return null;
  return (
    <div class="item-duplicates">
      {item.duplicate_of && (
        <p class="notice">
          {t('duplicate.of')} <Link href={`/items/${item.duplicate_of}`}>{t('duplicate.original')}</Link>
        </p>
      )}
      {duplicates.length > 0 && (
        <p class="small">
          {t('duplicate.marked')}{' '}
          {duplicates.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link href={`/items/${id}`}>{t('duplicate.number', { n: i + 1 })}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
