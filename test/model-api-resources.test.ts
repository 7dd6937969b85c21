// apiResourceRows picks resources the way kubectl api-resources does (client-go's
// ServerPreferredResources), without a server: the real-server comparison is in real-cli.test.ts.
import { describe, expect, it } from 'vitest';
import { apiResourceRows } from '../src/model/api-resources.js';
import type { DiscoveredGroupVersion, DiscoveredResource, Discovery } from '../src/model/types.js';

function res(group: string, version: string, name: string, verbs = ['get', 'list']): DiscoveredResource {
  return {
    name,
    singularName: '',
    kind: name,
    namespaced: false,
    verbs,
    shortNames: [],
    categories: [],
    subresources: [],
    group,
    version,
    raw: {},
  };
}

function gv(group: string, version: string, preferred: boolean, names: string[]): DiscoveredGroupVersion {
  return {
    group,
    version,
    groupVersion: `${group}/${version}`,
    preferred,
    resources: names.map((n) => res(group, version, n)),
  };
}

const discovery: Discovery = {
  format: 'aggregated',
  requests: 2,
  failures: [],
  rawDocuments: {},
  groups: [
    {
      // As kube-apiserver v1.34 with beta APIs on: MutatingAdmissionPolicy exists only in v1beta1 and v1alpha1.
      name: 'admissionregistration.k8s.io',
      preferredVersion: 'v1',
      versions: [
        gv('admissionregistration.k8s.io', 'v1', true, [
          'validatingadmissionpolicies',
          'validatingwebhookconfigurations',
        ]),
        gv('admissionregistration.k8s.io', 'v1beta1', false, [
          'mutatingadmissionpolicies',
          'validatingadmissionpolicies',
        ]),
        gv('admissionregistration.k8s.io', 'v1alpha1', false, ['mutatingadmissionpolicies', 'zzz-alpha-only']),
      ],
    },
  ],
};

describe('apiResourceRows', () => {
  it('adds resources served only by a non-preferred version, from the first version that has them', () => {
    const rows = apiResourceRows(discovery).map((r) => `${r.name} ${r.apiVersion}`);
    expect(rows).toEqual([
      'mutatingadmissionpolicies admissionregistration.k8s.io/v1beta1',
      'validatingadmissionpolicies admissionregistration.k8s.io/v1',
      'validatingwebhookconfigurations admissionregistration.k8s.io/v1',
      'zzz-alpha-only admissionregistration.k8s.io/v1alpha1',
    ]);
  });

  it('leaves out a resource without verbs, even if another version has it with verbs', () => {
    const d = structuredClone(discovery);
    d.groups[0].versions[0].resources[0].verbs = [];
    const names = apiResourceRows(d).map((r) => r.name);
    expect(names).not.toContain('validatingadmissionpolicies');
    expect(names).toContain('validatingwebhookconfigurations');
  });
});
