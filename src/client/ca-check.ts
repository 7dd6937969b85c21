// A cluster's CA checked when the kubeconfig is loaded: a garbled certificate-authority-data made
// the first request fail deep in TLS ("unable to get local issuer certificate", a --cacert hint)
// instead of naming the field that is wrong.
import { X509Certificate } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Why PEM text is not a usable CA certificate; undefined when it is. */
export function caPemProblem(pem: string): string | undefined {
  const block = PEM_CERTIFICATE.exec(pem)?.[0];
  if (!block) return 'has no PEM certificate (-----BEGIN CERTIFICATE-----)';
  try {
    new X509Certificate(block);
  } catch {
    return 'has a PEM certificate block that is not a readable certificate';
  }
  return undefined;
}

/** Why a kubeconfig's certificate-authority-data (base64 of PEM) is not a usable CA; undefined when it is. */
export function caDataProblem(data: string): string | undefined {
  const compact = data.replace(/\s+/g, '');
  if (compact.includes('-----BEGIN')) return 'holds PEM text itself, not its base64';
  if (!BASE64.test(compact) || compact.length % 4 !== 0) return 'is not base64';
  const problem = caPemProblem(Buffer.from(compact, 'base64').toString('latin1'));
  return problem && `is base64 but ${problem.replace(/^has /, 'holds ')}`;
}
