// The embedded sandbox: a Kubernetes-API-compatible HTTPS server with real client-certificate auth.
// Learners explore it with kapi-tui, curl and kubectl; our tests talk to it instead of mocks.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type Attributes, authenticate, authorize, forbiddenMessage, type UserInfo } from './auth.js';
import { impersonate } from './impersonation.js';
import { CATALOG, findResource } from './catalog.js';
import { type CertificateAuthority, createCertificateAuthority, type IssueRequest, type KeyPairPem } from './certs.js';
import {
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  negotiateDiscovery,
} from './discovery.js';
import { type Fault, FaultInjector } from './faults.js';
import { type SandboxFiles, writeSandboxFiles } from './files.js';
import {
  healthBody,
  healthCheckExists,
  isHealthEndpoint,
  LOG_FILES,
  logsIndexHtml,
  metricsText,
  rootPaths,
  VERSION_INFO,
} from './nonresource.js';
import { ObjectStore } from './objects.js';
import { openapiV2, openapiV3DocumentJson, openapiV3Index } from './openapi.js';
import { parseResourcePath } from './request-info.js';
import { handleResourceRequest } from './resources.js';
import { rulesReviewNamespace } from './protobuf-review.js';
import { PriorityAndFairness, classify, deprecationWarning } from './response-headers.js';
import { readBody, sendJson, sendPageNotFound, sendStatus, sendText, wantsPretty } from './respond.js';
import { BadReview, selfSubjectAccessReview, selfSubjectReview, selfSubjectRulesReview } from './reviews.js';

export interface SandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Extra generated pods, for benchmarks. */
  pods?: number;
  /** A static bearer token accepted as an admin (like --token-auth-file). */
  token?: string;
  /** How often the sandbox changes an object (watch events). Default 2000 ms; 0 = never. */
  watchIntervalMs?: number;
  /** Write ca.crt, admin.crt/key, jane.crt/key, kubeconfig and kubeconfig-jane into this folder. */
  dir?: string;
  /** The CA and certificates of an earlier sandbox (its `certificates`): started on its port, this
   *  one is that server restarted, and its clients' kubeconfigs still work. */
  certificates?: SandboxCertificates;
}

export interface SandboxCertificates {
  ca: CertificateAuthority;
  serving: KeyPairPem;
  admin: KeyPairPem;
  jane: KeyPairPem;
}

export interface Sandbox {
  url: string;
  port: number;
  caPem: string;
  admin: KeyPairPem;
  jane: KeyPairPem;
  token?: string;
  files?: SandboxFiles;
  certificates: SandboxCertificates;
  store: ObjectStore;
  /** Replace the active faults (empty array = none). */
  setFaults(faults: Fault[]): void;
  /** A client certificate from the sandbox's own CA (CN = user, O = groups), e.g. an expired one
   *  (notAfter in the past), which the server then rejects with 401 like kube-apiserver. */
  issueClientCertificate(req: Omit<IssueRequest, 'usage'>): Promise<KeyPairPem>;
  close(): Promise<void>;
}

export type { Fault, SandboxFiles };

const SELF_REVIEW_PATHS: Record<string, (user: UserInfo, body: unknown, userAgent: string) => object> = {
  '/apis/authentication.k8s.io/v1/selfsubjectreviews': (user) => selfSubjectReview(user),
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews': selfSubjectAccessReview,
  '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews': selfSubjectRulesReview,
};

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const certificates = opts.certificates ?? (await newCertificates());
  const { ca, serving, admin, jane } = certificates;
  const store = new ObjectStore({ pods: opts.pods ?? 0 });
  const stats = { requests: new Map<string, number>(), startedAt: Date.now() };
  const faults = new FaultInjector();
  const flowControl = new PriorityAndFairness();

  const server = createServer(
    // requestCert without rejectUnauthorized: auth.ts decides, so bad certs get a 401 Status.
    { key: serving.keyPem, cert: serving.certPem, ca: ca.certPem, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      res.setHeader('Audit-Id', randomUUID());
      res.setHeader('Cache-Control', 'no-cache, private');
      res.on('finish', () => {
        const key = `${req.method}|${res.statusCode}|${new URL(req.url ?? '/', 'https://x').pathname.split('/')[3] ?? ''}`;
        stats.requests.set(key, (stats.requests.get(key) ?? 0) + 1);
      });
      faults.handle(req, res, () => {
        try {
          route(req, res);
        } catch (err) {
          const message = (err as Error).message;
          if (!res.headersSent)
            sendStatus(res, 500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
          else res.destroy();
        }
      });
    },
  );

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const auth = authenticate(req, opts.token);
    if (!auth.ok) return sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
    const acting = impersonate(req, auth.user);
    if (!acting.ok) {
      if (acting.status === 403) res.setHeader('X-Content-Type-Options', 'nosniff');
      return sendStatus(res, acting.status, acting.status === 403 ? 'Forbidden' : 'BadRequest', acting.message);
    }
    const user = acting.user;
    const url = new URL(req.url ?? '/', 'https://sandbox');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    const info = parseResourcePath(method, path, url.searchParams);
    const attrs: Attributes =
      info && info.resource
        ? {
            resourceRequest: true,
            verb: info.verb,
            group: info.group,
            resource: info.resource,
            subresource: info.subresource,
            namespace: info.namespace,
            name: info.name,
          }
        : { resourceRequest: false, verb: method === 'GET' || method === 'HEAD' ? 'get' : method.toLowerCase(), path };
    // API Priority and Fairness admits the request before it is authorized (refusals carry them too).
    flowControl.setHeaders(res, classify(user, attrs));
    if (!authorize(user, attrs)) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      return sendStatus(
        res,
        403,
        'Forbidden',
        forbiddenMessage(user, attrs),
        attrs.resourceRequest
          ? {
              ...(attrs.name ? { name: attrs.name } : {}),
              ...(attrs.group ? { group: attrs.group } : {}),
              kind: attrs.resource,
            }
          : {},
      );
    }

    const review = SELF_REVIEW_PATHS[path];
    if (review && method === 'POST') {
      // kubectl auth whoami posts protobuf; a SelfSubjectReview has nothing in it to read.
      if (
        path.endsWith('/selfsubjectreviews') &&
        req.headers['content-type']?.startsWith('application/vnd.kubernetes.protobuf')
      ) {
        req.resume();
        return sendJson(res, 201, review(user, {}, req.headers['user-agent'] ?? ''));
      }
      // kubectl auth can-i --list: protobuf too; only its namespace is read.
      if (
        path.endsWith('/selfsubjectrulesreviews') &&
        req.headers['content-type']?.startsWith('application/vnd.kubernetes.protobuf')
      ) {
        return readBody(req, (body) =>
          answerReview(res, () => review(user, { spec: { namespace: rulesReviewNamespace(body) } }, '')),
        );
      }
      return readJson(req, res, (body) => answerReview(res, () => review(user, body, req.headers['user-agent'] ?? '')));
    }
    if (info?.resource) {
      const kind = findResource(info.group, info.version, info.resource)?.resource.kind;
      const warning = kind && deprecationWarning(info.group, info.version, kind);
      if (warning) res.setHeader('Warning', warning);
      return handleResourceRequest(store, info, req, res, url.searchParams);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendStatus(
        res,
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
        {},
      );
    }
    return handleGetPath(req, res, path, url.searchParams);
  };

  const handleGetPath = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    const accept = req.headers.accept;
    if (path === '/' || path === '/index.html') {
      return sendJson(
        res,
        200,
        rootPaths(CATALOG.flatMap((g) => g.versions.map((v) => ({ group: g.name, version: v.version })))),
        { pretty: true },
      );
    }
    if (path === '/version' || path === '/version/') return sendJson(res, 200, VERSION_INFO, { pretty: true });
    const [first, ...restParts] = path.split('/').filter(Boolean);
    if (first && isHealthEndpoint(first)) {
      if (restParts.length === 0)
        return sendText(res, 200, healthBody(first, query.has('verbose'), query.getAll('exclude')));
      const check = restParts.join('/');
      return healthCheckExists(first, check) ? sendText(res, 200, 'ok') : sendPageNotFound(res);
    }
    if (path === '/metrics') {
      return sendText(
        res,
        200,
        metricsText({ ...stats, objects: store.list('', 'v1', 'pods').length }),
        'text/plain; version=0.0.4; charset=utf-8',
      );
    }
    if (path === '/logs' || path === '/logs/') return sendText(res, 200, logsIndexHtml(), 'text/html; charset=utf-8');
    if (first === 'logs' && restParts.length === 1 && restParts[0] in LOG_FILES)
      return sendText(res, 200, LOG_FILES[restParts[0]]);
    if (path === '/openapi/v2') return sendJson(res, 200, openapiV2());
    // kube-apiserver v1.34 serves the index through http.ServeContent: sniffed text/plain, no ETag.
    if (path === '/openapi/v3' || path === '/openapi/v3/') {
      const text = etagged(openapiV3Index()).text;
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      return res.end(text);
    }
    if (first === 'openapi' && restParts[0] === 'v3')
      return sendOpenapiV3(req, res, restParts.slice(1).join('/'), query);
    if (path === '/api' || path === '/apis' || path === '/apis/')
      return sendDiscoveryRoot(req, res, path === '/api' ? 'api' : 'apis', accept);
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'apis' && parts.length === 2) {
      const doc = apiGroup(parts[1]);
      return doc ? sendJson(res, 200, doc) : sendPageNotFound(res);
    }
    if ((parts[0] === 'api' && parts.length === 2) || (parts[0] === 'apis' && parts.length === 3)) {
      const doc = parts[0] === 'api' ? apiResourceList('', parts[1]) : apiResourceList(parts[1], parts[2]);
      return doc ? sendJson(res, 200, doc) : sendPageNotFound(res);
    }
    return sendPageNotFound(res);
  };

  const sendDiscoveryRoot = (
    req: IncomingMessage,
    res: ServerResponse,
    root: 'api' | 'apis',
    accept: string | undefined,
  ) => {
    const choice = negotiateDiscovery(accept);
    if (!choice.aggregated) {
      const doc = root === 'api' ? apiVersions(`${host}:${port}`) : apiGroupList();
      return sendJson(res, 200, doc);
    }
    res.setHeader('Vary', 'Accept');
    // Written by the JSON encoder: a newline at the end, or pretty without one (curl, ?pretty).
    const discovery = aggregatedDiscovery(root, choice.version);
    const doc = etagged(discovery);
    const text = wantsPretty(req) ? JSON.stringify(discovery, null, 2) : doc.text + '\n';
    return sendEtagged(req, res, { ...doc, text }, choice.contentType, 'public');
  };

  /** Discovery and the OpenAPI index carry an ETag; a matching If-None-Match gets 304. */
  const sendEtagged = (
    req: IncomingMessage,
    res: ServerResponse,
    { text, etag }: Etagged,
    contentType: string,
    cacheControl?: string,
  ) => {
    res.setHeader('ETag', etag);
    if (cacheControl) res.setHeader('Cache-Control', cacheControl);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  const sendOpenapiV3 = (req: IncomingMessage, res: ServerResponse, gvPath: string, query: URLSearchParams) => {
    const doc = openapiV3DocumentJson(gvPath);
    if (!doc) return sendPageNotFound(res);
    const { json, hash } = doc;
    const body: Etagged = { text: json, etag: `"${hash}"` };
    const asked = query.get('hash');
    res.setHeader('Vary', 'Accept');
    if (asked && asked !== hash) {
      res.writeHead(301, { Location: `/openapi/v3/${gvPath}?hash=${hash}` });
      return res.end();
    }
    if (asked) {
      res.setHeader('Cache-Control', 'public, immutable');
      // Go's time.Format(http.TimeFormat) on a UTC time, as kube-openapi writes it: "... UTC", not "GMT".
      res.setHeader('Expires', new Date(Date.now() + 365 * 24 * 3600_000).toUTCString().replace(/GMT$/, 'UTC'));
    }
    return sendEtagged(req, res, body, 'application/json');
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `https://${urlHost}:${port}`;

  const interval = opts.watchIntervalMs ?? 2000;
  const ticker = interval > 0 ? setInterval(() => store.tick(), interval) : undefined;
  ticker?.unref();

  const sandbox: Sandbox = {
    url,
    port,
    caPem: ca.certPem,
    admin,
    jane,
    token: opts.token,
    certificates,
    store,
    setFaults: (list) => faults.set(list),
    issueClientCertificate: (req) => ca.issue({ ...req, usage: 'client' }),
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  if (opts.dir) {
    try {
      sandbox.files = await writeSandboxFiles(opts.dir, sandbox);
    } catch (err) {
      // A sandbox nobody can connect to must not keep listening (and keep the process alive).
      await sandbox.close();
      throw err;
    }
  }
  return sandbox;
}

async function newCertificates(): Promise<SandboxCertificates> {
  const ca = await createCertificateAuthority();
  const [serving, admin, jane] = await Promise.all([
    ca.issue({
      commonName: 'kube-apiserver',
      usage: 'server',
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default'],
      ips: ['127.0.0.1', '::1'],
    }),
    ca.issue({ commonName: 'kubernetes-admin', organizations: ['system:masters'], usage: 'client' }),
    ca.issue({ commonName: 'jane', organizations: ['dev'], usage: 'client' }),
  ]);
  return { ca, serving, admin, jane };
}

interface Etagged {
  text: string;
  etag: string;
}

// Discovery and OpenAPI documents are built once and shared: serialise and hash each one once,
// not on every request (the aggregated /apis document is served to every client at start-up).
const etaggedDocs = new WeakMap<object, Etagged>();
function etagged(doc: object): Etagged {
  let e = etaggedDocs.get(doc);
  if (!e) {
    const text = JSON.stringify(doc);
    // As kube-apiserver's discovery ETag: the uppercase hex SHA-512 of the document.
    e = { text, etag: `"${createHash('sha512').update(text).digest('hex').toUpperCase()}"` };
    etaggedDocs.set(doc, e);
  }
  return e;
}

function readJson(req: IncomingMessage, res: ServerResponse, then: (body: unknown) => void): void {
  readBody(req, (body) => {
    try {
      then(JSON.parse(body.toString('utf8') || '{}'));
    } catch {
      sendStatus(
        res,
        400,
        'BadRequest',
        "the object provided is unrecognized (must be of type SelfSubjectReview): couldn't get version/kind; json parse error",
        {},
      );
    }
  });
}

/** 201 with the review, or kube-apiserver's 400 for a review it cannot answer. */
function answerReview(res: ServerResponse, answer: () => unknown): void {
  let body: unknown;
  try {
    body = answer();
  } catch (err) {
    if (err instanceof BadReview) return sendStatus(res, 400, 'BadRequest', err.message);
    throw err;
  }
  sendJson(res, 201, body);
}
