// Drives the panes to each tour step's target (once per step, as soon as discovery is there) and,
// for "the first object of the list", opens it when the table has rows.
import { useEffect, useRef, useState } from 'react';
import type { KubeApi } from '../client/types.js';
import type { TourProbe, TourProbeResult } from '../model/tour-page.js';
import { runTourProbes } from '../session/tour-probes.js';
import { useAbortableLoad } from './useAbortableLoad.js';
import type { NavAction } from '../model/navigation.js';
import type { Discovery } from '../model/types.js';
import { TOUR } from '../model/tour.js';
import { tourDrive } from '../model/tour-drive.js';

export function useTourDriver(
  step: number | null,
  discovery: Discovery | undefined,
  firstObject: NavAction | undefined,
  dispatch: (a: NavAction) => void,
): void {
  const pendingFirst = useRef(false);
  const ready = discovery !== undefined;
  useEffect(() => {
    pendingFirst.current = false;
    if (step === null || !ready) return;
    const drive = tourDrive(TOUR[step].target, discovery);
    for (const a of drive.actions) dispatch(a);
    pendingFirst.current = drive.openFirstObject;
    // Re-driven when the step changes or discovery arrives, not when discovery is refreshed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, ready]);
  useEffect(() => {
    if (pendingFirst.current && firstObject) {
      pendingFirst.current = false;
      dispatch(firstObject);
    }
  }, [firstObject, dispatch]);
}

/** The current step's probes, sent once per step (again when the connection changes). */
export function useTourProbes(api: KubeApi, probes: TourProbe[], step: number | null): TourProbeResult[] | 'loading' {
  const [results, setResults] = useState<{ step: number | null; value: TourProbeResult[] }>();
  useAbortableLoad(
    {
      start: step === null || !probes.length ? undefined : (signal) => runTourProbes(api, probes, signal),
      done: (value) => setResults({ step, value }),
    },
    // The probes follow from the step and the connection.
    [api, step],
  );
  return results && results.step === step ? results.value : 'loading';
}
