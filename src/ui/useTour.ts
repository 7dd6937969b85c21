// Drives the panes to each tour step's target (once per step, as soon as discovery is there) and,
// for "the first object of the list", opens it when the table has rows.
import { useEffect, useRef } from 'react';
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
