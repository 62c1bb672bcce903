// The "Atelier" tab: import, workspace items, analysis of the open item, measures, storage.
// Loaded on demand (React.lazy): the public never downloads it unless they open the tab.
import type { Position } from 'geojson';
import type { Bounds } from '../../../../layers/types';
import type { WorkspaceApi } from '../useWorkspace';
import type { MeasureApi } from '../measure/useMeasure';
import type { ThematicSource } from '../../../core/worker-protocol';
import { AnalysisForm, type SourceOption } from './AnalysisForm';
import { AnalysisResult } from './AnalysisResult';
import { ImportSection } from './ImportSection';
import { ItemRow } from './ItemRow';
import { JobList, NoticeList } from './JobsAndNotices';
import { MeasureSection } from './MeasureSection';
import { StorageSection } from './StorageSection';
import { useI18n } from '../../i18n';
import './workbench.css';

export interface WorkbenchPanelProps {
  api: WorkspaceApi;
  measure: MeasureApi;
  mapCentre: () => Position | null;
  openItemId: string | null;
  onOpenItem: (id: string | null) => void;
  /** Feature selected on the map, offered as a buffer source. */
  picked: { source: ThematicSource; label: string } | null;
  onFrame: (bounds: Bounds) => void;
  onShowThematic: (sublayerId: string, index: number) => void;
  onKeepMeasure: () => void;
}

export default function WorkbenchPanel(props: WorkbenchPanelProps) {
  const { t, tn } = useI18n();
  const { api, measure, openItemId, picked } = props;
  const sorted = [...api.items].sort((a, b) => b.order - a.order);
  const open = api.items.find((i) => i.id === openItemId) ?? null;
  const options: SourceOption[] = [];
  if (open && open.kind !== 'resultat') {
    options.push({
      key: 'couche',
      label: t('wb.analysis.wholeLayer', { name: open.name, count: tn('wb.count.features', open.featureCount) }),
      source: { kind: 'espace', itemId: open.id, name: open.name },
    });
  }
  if (picked) options.push({ key: 'selection', label: picked.label, source: picked.source });
  const run = async (source: ThematicSource, distanceM: number) => {
    const item = await api.analyse(source, distanceM);
    if (item) props.onOpenItem(item.id);
  };
  return (
    <div className="workbench">
      <h2 className="visually-hidden">{t('wb.title')}</h2>
      <ImportSection onFiles={(files) => void api.importFiles(files)} />
      <JobList jobs={api.jobs} onCancel={api.cancel} />
      <NoticeList notices={api.notices} onDismiss={api.dismiss} onRetry={(files, crs) => void api.importFiles(files, crs)} />

      {(open || picked) && (
        <section className="wb-section wb-analysis" aria-labelledby="wb-analyse-titre">
          <h3 id="wb-analyse-titre">{open?.kind === 'resultat' ? open.name : t('wb.analysis.title')}</h3>
          {open?.kind === 'resultat' && open.analysis ? (
            <AnalysisResult summary={open.analysis} onShow={props.onShowThematic} />
          ) : (
            <AnalysisForm key={`${open?.id}-${picked?.label}`} options={options} busy={api.jobs.length > 0} onRun={(s, d) => void run(s, d)} />
          )}
          {open && (
            <button type="button" onClick={() => props.onOpenItem(null)}>
              {t('wb.analysis.close')}
            </button>
          )}
        </section>
      )}

      <section className="wb-section" aria-labelledby="wb-couches-titre">
        <h3 id="wb-couches-titre">{t('wb.items.title', { n: api.items.length })}</h3>
        {api.storage === 'chargement' && <p className="wb-hint">{t('wb.items.loading')}</p>}
        {api.storage !== 'chargement' && !api.items.length && <p className="wb-hint">{t('wb.items.none')}</p>}
        <ul className="wb-items">
          {sorted.map((item, i) => (
            <ItemRow
              key={item.id}
              item={item}
              first={i === sorted.length - 1}
              last={i === 0}
              unsaved={api.unsaved.has(item.id)}
              actions={{
                update: api.updateItem,
                move: api.move,
                remove: (id) => {
                  if (openItemId === id) props.onOpenItem(null);
                  void api.removeItem(id);
                },
                reproject: (id, crs) => void api.reproject(id, crs),
                exportAs: (id, f, crs) => void api.exportItem(id, f, crs),
                frame: (it) => it.bounds && props.onFrame(it.bounds),
                open: props.onOpenItem,
              }}
            />
          ))}
        </ul>
      </section>

      <MeasureSection measure={measure} mapCentre={props.mapCentre} onKeep={props.onKeepMeasure} />
      <StorageSection storage={api.storage} count={api.items.length} estimate={api.estimate} onClear={() => void api.clearAll()} />
    </div>
  );
}
