// Sends a tour step's probes through the KubeApi (so they are in the request log like any other
// request) and keeps each answer's status and body, refusals included: the 403 is the lesson.
import type { KubeApi } from '../client/types.js';
import { AGGREGATED_DISCOVERY_ACCEPT } from '../client/discovery.js';
import { KubeError } from '../client/errors.js';
import type { TourProbe, TourProbeResult } from '../model/tour-page.js';

async function probeOnce(api: KubeApi, probe: TourProbe, signal: AbortSignal): Promise<TourProbeResult> {
  try {
    if (probe.whoami) {
      const user = await api.selfSubjectReview({ signal });
      return { probe, status: 201, body: { status: { userInfo: user } } };
    }
    const accept = probe.discovery === 'aggregated' ? AGGREGATED_DISCOVERY_ACCEPT : undefined;
    const r = await api.getRaw(probe.path, { accept, signal, anonymous: probe.anonymous });
    return { probe, status: r.status, body: r.json ?? r.body };
  } catch (e) {
    if (signal.aborted) throw e;
    if (e instanceof KubeError && e.status !== undefined)
      return { probe, status: e.status, body: e.body ?? e.serverMessage };
    return { probe, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Every probe's answer, in order (sent one after the other: the page reads top to bottom). */
export async function runTourProbes(
  api: KubeApi,
  probes: readonly TourProbe[],
  signal: AbortSignal,
): Promise<TourProbeResult[]> {
  const out: TourProbeResult[] = [];
  for (const p of probes) out.push(await probeOnce(api, p, signal));
  return out;
}
