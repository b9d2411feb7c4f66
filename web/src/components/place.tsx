// An item's category and place (reports, ideas), as text: the address when
// the writer gave one, and always the coordinates, so the place can be read
// without a map.
import { t } from '../i18n';
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
