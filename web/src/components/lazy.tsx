// A screen loaded on first visit (a separate chunk via dynamic import), so
// heavy screens such as the network analytics stay out of the main bundle.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { Loading } from './ui';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load();
      pending.then(
        (component) => {
          loaded = component;
          if (live) setReady((n) => n + 1);
        },
        () => {
          pending = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Screen = loaded;
      return <Screen {...props} />;
    }
    if (failed) {
      // Most often a new version was deployed and the old chunk is gone.
      return (
        <div class="state state-error" role="alert">
          <p class="state-title">{t('error.title')}</p>
          <p>{t('error.chunk')}</p>
          <button type="button" class="btn btn-secondary" onClick={() => window.location.reload()}>
            {t('action.reload')}
          </button>
        </div>
      );
    }
    return <Loading />;
  };
}
