// What the marker shapes and colours mean, in words beside each.
import { t } from '../i18n';
import { kindLabel, markerSvg, PHASES, shapeOf } from './marker_style';
import type { Shape } from './marker_style';

export function MapLegend({ kinds }: { kinds: string[] }) {
  const shapes = new Map<Shape, string[]>();
  for (const kind of kinds) shapes.set(shapeOf(kind), [...(shapes.get(shapeOf(kind)) ?? []), kindLabel(kind)]);
  return (
    <section class="map-legend-box" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title" class="visually-hidden">
        {t('map.legend')}
      </h2>
      <ul class="map-legend" data-testid="map-legend">
        {[...shapes].map(([shape, labels]) => (
          <li key={shape} data-legend-shape={shape}>
            <span dangerouslySetInnerHTML={{ __html: markerSvg(shape, 'closed', 20) }} />
            <span>{labels.join(', ')}</span>
          </li>
        ))}
        {PHASES.map((phase) => (
          <li key={phase} data-legend-phase={phase}>
            <span dangerouslySetInnerHTML={{ __html: markerSvg('other', phase, 20) }} />
            <span>{t(`map.phase.${phase}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
