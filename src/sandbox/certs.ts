// Certificates for the sandbox: a CA, a serving certificate and client certificates, made in memory
// with @peculiar/x509 on top of Node's WebCrypto. ECDSA P-256 keys: generated in a millisecond or two
// (RSA 2048 would cost ~100 ms each) and accepted by Go (kubectl), OpenSSL (curl) and Node alike.
import { webcrypto } from 'node:crypto';
// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const crypto = webcrypto;
// @peculiar/x509's types name the DOM's Crypto; Node's webcrypto is that API.
x509.cryptoProvider.set(crypto as never);

const ALG: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 24 * 3600 * 1000;

export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

export interface CertificateAuthority extends KeyPairPem {
  /** Issues a certificate signed by this CA. */
  issue(req: IssueRequest): Promise<KeyPairPem>;
}

export interface IssueRequest {
  commonName: string;
  organizations?: string[];
  usage: 'server' | 'client';
  /** DNS names and IP addresses for a serving certificate. */
  dnsNames?: string[];
  ips?: string[];
  /** Validity window, default: from an hour ago to a year ahead. */
  notBefore?: Date;
  notAfter?: Date;
}

async function keyPair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----\n`;
}

function serial(): string {
  // Positive, non-zero, 16 bytes: what RFC 5280 asks of a serial number.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

function subjectName(commonName: string, organizations: string[] = []): x509.JsonName {
  const name: x509.JsonName = [];
  for (const o of organizations) name.push({ O: [o] });
  name.push({ CN: [commonName] });
  return name;
}

export async function createCertificateAuthority(commonName = 'kapi-tui-sandbox-ca'): Promise<CertificateAuthority> {
  const keys = await keyPair();
  const now = Date.now();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subjectName(commonName),
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 3650 * DAY_MS),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });

  const issue = async (req: IssueRequest): Promise<KeyPairPem> => {
    const leafKeys = await keyPair();
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension(
        [req.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
        false,
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
    ];
    if (req.usage === 'server') {
      const names: x509.JsonGeneralNames = [
        ...(req.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
        ...(req.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
      ];
      extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
    }
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: subjectName(req.commonName, req.organizations),
      issuer: caCert.subject,
      notBefore: req.notBefore ?? new Date(Date.now() - 3600_000),
      notAfter: req.notAfter ?? new Date(Date.now() + 365 * DAY_MS),
      signingAlgorithm: ALG,
      publicKey: leafKeys.publicKey,
      signingKey: keys.privateKey,
      extensions,
    });
    return { certPem: cert.toString('pem') + '\n', keyPem: await privateKeyPem(leafKeys.privateKey) };
  };

  return { certPem: caCert.toString('pem') + '\n', keyPem: await privateKeyPem(keys.privateKey), issue };
}
