// Validates deploy/kubernetes without a cluster (run by bin/check-kubernetes, which passes KUBECTL):
//  1. renders the kustomization with `kubectl kustomize` (real kustomize; any warning fails too);
//  2. checks every object against the Kubernetes API schemas: types, required fields and enums with the JSON
//     schemas of `kubernetes-models`, and field names strictly (a misspelt or misplaced field is an error, as with
//     `kubectl apply --validate=strict`) with the generated models of `@kubernetes/client-node`;
//  3. checks what breaks a deployment although each object is valid: Service / PDB selectors and Ingress backends
//     against the pods, ports by name and number, probes and metrics against the backend's application.yml and the
//     compose healthcheck, Secret and ConfigMap references (a Secret comes from secret.example.yaml or from a
//     `kubectl create secret` in docs/kubernetes.md: none is in the manifests), the backend's environment against
//     what the backend reads and what docker-compose.yml's x-backend sets, the nginx template against
//     frontend/nginx.conf, the JVM command against backend/Dockerfile.
// Prints one line and exits 0 when all holds; lists every problem and exits 1 otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const DEPLOY = resolve(HERE, '..');
const ROOT = resolve(DEPLOY, '../..');
const KUBECTL = process.env.KUBECTL || 'kubectl';
const MODELS = join(HERE, 'node_modules/@kubernetes/client-node/dist/gen/models');

const errors = new Set();
const fail = (where, message) => errors.add(`${where}: ${message}`);
const rel = (path) => relative(ROOT, path);
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const id = (o) => `${o?.kind}/${o?.metadata?.name}`;

function parseYaml(text, source, options = {}) {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, ...options });
  const out = [];
  for (const doc of docs) {
    for (const e of [...doc.errors, ...doc.warnings]) fail(source, `YAML: ${e.message.split('\n')[0]}`);
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value != null) out.push(value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Render
const kustomization = parseYaml(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8'), 'deploy/kubernetes/kustomization.yaml')[0] ?? {};
const kustomize = spawnSync(KUBECTL, ['kustomize', DEPLOY], { encoding: 'utf8' });
if (kustomize.status !== 0 || kustomize.stderr.trim()) {
  // a deprecation warning today is an error in the next kustomize: fail on warnings too
  console.error(`check-kubernetes: \`kubectl kustomize deploy/kubernetes\` ${kustomize.status === 0 ? 'warns' : 'failed'}:\n`
    + `${(kustomize.stderr || String(kustomize.error ?? '')).trim()}`);
  process.exit(1);
}
const rendered = kustomize.stdout;
const objects = parseYaml(rendered, 'kubectl kustomize output');
const namespace = kustomization.namespace;

// Secrets are never in the manifests: examples with placeholders beside them, or documented commands.
const exampleFiles = readdirSync(DEPLOY).filter((f) => f.endsWith('.example.yaml')).sort();
const examples = exampleFiles.flatMap((f) =>
  parseYaml(readFileSync(join(DEPLOY, f), 'utf8'), `deploy/kubernetes/${f}`).map((o) => ({ ...o, source: f })));

// ---------------------------------------------------------------------------------------------------------------
// 2. Schemas
const modelCache = new Map();
async function model(type) {
  if (!modelCache.has(type)) {
    const file = join(MODELS, `${type}.js`);
    modelCache.set(type, existsSync(file) ? (await import(file))[type] : null);
  }
  return modelCache.get(type);
}
const OPAQUE = new Set(['string', 'number', 'boolean', 'Date', 'any', 'object', 'IntOrString', 'V1MicroTime']);

// Every key must be a field of its type, all the way down.
async function strictFields(value, type, path, where) {
  if (value == null) return;
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) await strictFields(value[i], m[1], `${path}[${i}]`, where);
    return;
  }
  if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) await strictFields(v, m[1], `${path}.${k}`, where);
    }
    return;
  }
  if (OPAQUE.has(type)) return;
  const cls = await model(type);
  if (!cls) return fail(where, `${path}: no model ${type} to check it with`);
  if (typeof value !== 'object' || Array.isArray(value)) return; // the type error is reported by the schema check
  const fields = new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(value)) {
    if (!fields.has(k)) {
      fail(where, `${path ? path + '.' : ''}${k}: unknown field (${type.replace(/^V\d\w*?(?=[A-Z])/, '')} has ${[...fields.keys()].join(', ')})`);
    } else {
      await strictFields(v, fields.get(k), `${path ? path + '.' : ''}${k}`, where);
    }
  }
}

function schemaClass(o) {
  const [group, version] = String(o.apiVersion).includes('/') ? o.apiVersion.split('/') : [null, o.apiVersion];
  try {
    return require(`kubernetes-models/${group ? group + '/' : ''}${version}/${o.kind}`)[o.kind];
  } catch {
    return null;
  }
}

async function validateSchema(o, where) {
  if (!o || typeof o !== 'object' || !o.apiVersion || !o.kind) return fail(where, 'not a Kubernetes object (apiVersion and kind)');
  const { source, ...plain } = o;
  const Cls = schemaClass(plain);
  const version = String(o.apiVersion).split('/').pop();
  const modelName = `${version[0].toUpperCase()}${version.slice(1)}${o.kind}`;
  if (!Cls || !(await model(modelName))) return fail(where, `unknown apiVersion/kind ${o.apiVersion} ${o.kind}`);
  try {
    new Cls(plain).validate();
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: '', message: e.message }]) {
      const allowed = err.params?.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : '';
      fail(where, `${err.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').slice(1).replaceAll('/', '.') || '(object)'} ${err.message}${allowed}`);
    }
  }
  await strictFields(plain, modelName, '', where);
}

for (const o of objects) await validateSchema(o, id(o));
for (const o of examples) await validateSchema(o, `${o.source}: ${id(o)}`);

// ---------------------------------------------------------------------------------------------------------------
// 3. What the deployment depends on
const byKind = (kind) => objects.filter((o) => o.kind === kind);
const deployments = byKind('Deployment');
const services = byKind('Service');
const configMaps = new Map(byKind('ConfigMap').map((o) => [o.metadata.name, o]));
const matches = (selector, labels) =>
  selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const podLabels = (d) => d.spec?.template?.metadata?.labels ?? {};
const containersOf = (d) => d.spec?.template?.spec?.containers ?? [];

// namespace
if (!namespace) fail('kustomization.yaml', 'no namespace');
if (!objects.some((o) => o.kind === 'Namespace' && o.metadata?.name === namespace)) fail('manifests', `no Namespace ${namespace}`);
for (const o of objects) {
  if (o.kind !== 'Namespace' && o.metadata?.namespace !== namespace) fail(id(o), `namespace ${o.metadata?.namespace}, expected ${namespace}`);
}

// images: all rewritten by the kustomization, each with a tag other than latest
const imageNames = new Map((kustomization.images ?? []).map((i) => [i.name, `${i.newName ?? i.name}:${i.newTag}`]));
for (const d of deployments) {
  for (const c of [...containersOf(d), ...(d.spec?.template?.spec?.initContainers ?? [])]) {
    const image = String(c.image ?? '');
    const tag = /:([^/:@]+)$/.exec(image)?.[1];
    if (!tag && !image.includes('@sha256:')) fail(id(d), `container ${c.name}: image ${image} has no tag`);
    if (tag === 'latest') fail(id(d), `container ${c.name}: image ${image} is :latest`);
  }
}
const imageOf = (local) => imageNames.get(local);
for (const local of ['onething-backend', 'onething-frontend']) {
  if (!imageOf(local)) fail('kustomization.yaml', `images has no entry for ${local}`);
}
const withImage = (local) => {
  const found = [];
  for (const d of deployments) for (const c of containersOf(d)) if (c.image === imageOf(local)) found.push({ d, c });
  if (found.length !== 1) fail('manifests', `expected one container with image ${imageOf(local)} (${local}), found ${found.length}`);
  return found[0] ?? {};
};
const { d: backendDeployment, c: backend } = withImage('onething-backend');
const { d: frontendDeployment, c: frontend } = withImage('onething-frontend');

// Deployments: selector, resources, rollout
for (const d of deployments) {
  if (!matches(d.spec?.selector?.matchLabels, podLabels(d))) fail(id(d), 'spec.selector.matchLabels are not all labels of the pod template');
  for (const c of containersOf(d)) {
    const r = c.resources ?? {};
    for (const [path, v] of [['requests.cpu', r.requests?.cpu], ['requests.memory', r.requests?.memory], ['limits.memory', r.limits?.memory]]) {
      if (v == null) fail(id(d), `container ${c.name}: no resources.${path}`);
    }
    const sleep = c.lifecycle?.preStop?.exec?.command;
    const pause = Array.isArray(sleep) && sleep[0] === 'sleep' ? Number(sleep[1]) : 0;
    const grace = d.spec?.template?.spec?.terminationGracePeriodSeconds ?? 30;
    if (pause >= grace) fail(id(d), `container ${c.name}: preStop sleeps ${pause} s of a ${grace} s grace period`);
  }
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate;
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate' || String(ru?.maxUnavailable) !== '0') {
    fail(id(d), 'rolling updates must keep every ready pod until its replacement is ready (strategy RollingUpdate, maxUnavailable 0)');
  }
  if (replicas < 2) fail(id(d), `replicas ${replicas}: at least 2, so that one is ready while the other restarts`);
}

// ports of the pods a selector picks: names and numbers
function portsOf(selector) {
  const pods = deployments.filter((d) => matches(selector, podLabels(d)));
  return { pods, ports: pods.map((d) => containersOf(d).flatMap((c) => c.ports ?? [])) };
}
function resolvePort(ports, target) {
  return ports.find((p) => (typeof target === 'string' ? p.name === target : p.containerPort === target));
}

// Services: the selector picks pods, each targetPort is a port of every one of them
for (const s of services) {
  const { pods, ports } = portsOf(s.spec?.selector);
  if (pods.length === 0) {
    fail(id(s), `selector ${JSON.stringify(s.spec?.selector ?? {})} matches no pod template (${deployments.map((d) => `${d.metadata.name}: ${JSON.stringify(podLabels(d))}`).join('; ')})`);
    continue;
  }
  if (pods.length > 1) fail(id(s), `selector ${JSON.stringify(s.spec.selector)} picks the pods of ${pods.map(id).join(' and ')}: one component a Service`);
  for (const p of s.spec.ports ?? []) {
    const target = p.targetPort ?? p.port;
    ports.forEach((list, i) => {
      if (!resolvePort(list, target)) fail(id(s), `port ${p.name ?? p.port}: targetPort ${target} is not a container port of Deployment/${pods[i].metadata.name}`);
    });
  }
}

// PodDisruptionBudgets: pick a Deployment, and leave it room for a drain
for (const pdb of byKind('PodDisruptionBudget')) {
  const { pods } = portsOf(pdb.spec?.selector?.matchLabels);
  if (pods.length === 0) fail(id(pdb), 'selector matches no pod template');
  for (const d of pods) {
    const replicas = d.spec?.replicas ?? 1;
    if (typeof pdb.spec.minAvailable === 'number' && pdb.spec.minAvailable >= replicas) {
      fail(id(pdb), `minAvailable ${pdb.spec.minAvailable} of ${replicas} replicas of ${id(d)}: no node could ever be drained`);
    }
  }
}
if (backendDeployment && !byKind('PodDisruptionBudget').some((p) => matches(p.spec?.selector?.matchLabels, podLabels(backendDeployment)))) {
  fail(id(backendDeployment), 'no PodDisruptionBudget');
}

// Ingress: every backend is a Service port; none is the backend's (keeps /actuator and /camunda internal)
for (const ing of byKind('Ingress')) {
  const backends = [ing.spec?.defaultBackend, ...(ing.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))].filter(Boolean);
  if (backends.length === 0) fail(id(ing), 'routes nowhere');
  for (const b of backends) {
    const svc = services.find((s) => s.metadata.name === b.service?.name);
    if (!svc) {
      fail(id(ing), `backend Service ${b.service?.name} does not exist`);
      continue;
    }
    const port = b.service.port ?? {};
    if (!(svc.spec.ports ?? []).some((p) => (port.name != null ? p.name === port.name : p.port === port.number))) {
      fail(id(ing), `backend ${svc.metadata.name}: Service has no port ${port.name ?? port.number}`);
    }
    if (backendDeployment && matches(svc.spec.selector, podLabels(backendDeployment))) {
      fail(id(ing), `routes to Service/${svc.metadata.name}, i.e. the backend directly: /actuator and /camunda would be public`);
    }
  }
}

// Secrets and ConfigMaps: where each comes from, and which keys it has
const secrets = new Map();
const docsPath = 'docs/kubernetes.md';
const docs = existsSync(join(ROOT, docsPath)) ? read(docsPath) : (fail(docsPath, 'missing'), '');
// the commands in the page's code blocks (```…```), continued lines joined
const codeLines = [...docs.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].flatMap((m) => m[1].replace(/\\\n/g, ' ').split('\n'));
for (const cmd of codeLines.filter((l) => /^\s*kubectl\b.*\bcreate secret\b/.test(l))) {
  const m = /create secret (generic|tls|docker-registry) ([a-z0-9.-]+)/.exec(cmd);
  if (!m) continue;
  const ns = /(?:-n|--namespace)[ =]([a-z0-9-]+)/.exec(cmd)?.[1];
  if (ns !== namespace) fail(docsPath, `\`kubectl create secret ${m[1]} ${m[2]}\` is not in namespace ${namespace} (-n ${namespace})`);
  const keys = m[1] === 'tls' ? ['tls.crt', 'tls.key'] : [...cmd.matchAll(/--from-(?:literal|file)=([A-Za-z0-9_.-]+)=/g)].map((k) => k[1]);
  if (secrets.has(m[2])) fail(docsPath, `Secret ${m[2]} is created twice`);
  secrets.set(m[2], { type: m[1] === 'tls' ? 'kubernetes.io/tls' : 'Opaque', keys: new Set(keys), from: docsPath });
}
for (const s of examples.filter((o) => o.kind === 'Secret')) {
  const where = `${s.source}: ${id(s)}`;
  const values = { ...(s.stringData ?? {}), ...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString()])) };
  for (const [k, v] of Object.entries(values)) {
    if (!/^change-me/i.test(String(v))) fail(where, `${k} is not a placeholder (change-me…): never commit a real secret`);
  }
  if (s.metadata?.namespace && s.metadata.namespace !== namespace) fail(where, `namespace ${s.metadata.namespace}, expected ${namespace}`);
  const keys = new Set(Object.keys(values));
  const documented = secrets.get(s.metadata.name);
  if (documented && [...keys].sort().join() !== [...documented.keys].sort().join()) {
    fail(where, `keys ${[...keys].sort().join(', ')} differ from the \`kubectl create secret\` in ${docsPath}: ${[...documented.keys].sort().join(', ')}`);
  }
  secrets.set(s.metadata.name, { type: s.type ?? 'Opaque', keys, from: s.source });
}
for (const s of byKind('Secret')) fail(id(s), 'a Secret in the manifests would put its values in git: make it an *.example.yaml or a documented `kubectl create secret`');
const secretNames = () => [...secrets.keys()].join(', ') || 'none';

function checkRef(where, kind, name, key) {
  if (kind === 'Secret') {
    const s = secrets.get(name);
    if (!s) return fail(where, `Secret ${name} is neither in deploy/kubernetes/*.example.yaml nor created in ${docsPath} (known: ${secretNames()})`);
    if (key != null && !s.keys.has(key)) fail(where, `Secret ${name} (${s.from}) has no key ${key} (keys: ${[...s.keys].join(', ')})`);
  } else {
    const cm = configMaps.get(name);
    if (!cm) return fail(where, `ConfigMap ${name} is not in the manifests (${[...configMaps.keys()].join(', ')})`);
    if (key != null && !(key in (cm.data ?? {})) && !(key in (cm.binaryData ?? {}))) fail(where, `ConfigMap ${name} has no key ${key}`);
  }
}

// the environment of a container: name -> where its value comes from
function environment(d, c) {
  const env = new Map();
  const where = `${id(d)} container ${c.name}`;
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) {
      checkRef(`${where} envFrom`, 'ConfigMap', from.configMapRef.name);
      for (const k of Object.keys(configMaps.get(from.configMapRef.name)?.data ?? {})) {
        if (env.has(k)) fail(where, `${k} is set twice`);
        env.set(k, { configMap: from.configMapRef.name, value: configMaps.get(from.configMapRef.name).data[k] });
      }
    }
    if (from.secretRef) {
      checkRef(`${where} envFrom`, 'Secret', from.secretRef.name);
      for (const k of secrets.get(from.secretRef.name)?.keys ?? []) env.set(k, { secret: from.secretRef.name });
    }
  }
  for (const e of c.env ?? []) {
    if (env.has(e.name)) fail(where, `${e.name} is set twice (env and envFrom)`);
    const sk = e.valueFrom?.secretKeyRef;
    const ck = e.valueFrom?.configMapKeyRef;
    if (sk) checkRef(`${where} env ${e.name}`, 'Secret', sk.name, sk.key);
    if (ck) checkRef(`${where} env ${e.name}`, 'ConfigMap', ck.name, ck.key);
    env.set(e.name, sk ? { secret: sk.name } : ck ? { configMap: ck.name, value: configMaps.get(ck.name)?.data?.[ck.key] } : { value: e.value });
  }
  return env;
}
for (const d of deployments) {
  for (const c of containersOf(d)) environment(d, c);
  for (const v of d.spec?.template?.spec?.volumes ?? []) {
    if (v.configMap) for (const k of v.configMap.items?.map((i) => i.key) ?? [null]) checkRef(`${id(d)} volume ${v.name}`, 'ConfigMap', v.configMap.name, k);
    if (v.secret) for (const k of v.secret.items?.map((i) => i.key) ?? [null]) checkRef(`${id(d)} volume ${v.name}`, 'Secret', v.secret.secretName, k);
  }
}
for (const ing of byKind('Ingress')) {
  for (const t of ing.spec?.tls ?? []) {
    checkRef(`${id(ing)} tls`, 'Secret', t.secretName);
    if (secrets.get(t.secretName) && secrets.get(t.secretName).type !== 'kubernetes.io/tls') fail(id(ing), `tls Secret ${t.secretName} is not of type kubernetes.io/tls`);
  }
}

// --- the backend: probes, metrics, JVM, environment --------------------------------------------------------------
const appYaml = parse(read('backend/src/main/resources/application.yml'));
const compose = parse(read('docker-compose.yml'), { merge: true });
const dockerfile = read('backend/Dockerfile');

if (backend) {
  const where = `${id(backendDeployment)} container ${backend.name}`;
  const env = environment(backendDeployment, backend);
  // the port the backend listens on: server.port = ${PORT:8080}
  const portSpec = String(appYaml.server?.port ?? '8080');
  const defaultPort = Number(/^\$\{PORT:(\d+)\}$/.exec(portSpec)?.[1] ?? portSpec);
  const listenPort = env.has('PORT') ? Number(env.get('PORT').value) : defaultPort;
  const exposed = Number(/^EXPOSE\s+(\d+)/m.exec(dockerfile)?.[1]);
  if (exposed !== listenPort) fail('backend/Dockerfile', `EXPOSE ${exposed}, the backend listens on ${listenPort}`);
  const ports = backend.ports ?? [];
  if (!ports.some((p) => p.containerPort === listenPort)) fail(where, `no containerPort ${listenPort} (server.port)`);

  // probes: Spring Boot's liveness and readiness groups on the application port
  const mgmt = appYaml.management ?? {};
  if (mgmt.endpoint?.health?.probes?.enabled !== true) fail('application.yml', 'management.endpoint.health.probes.enabled is not true: no /actuator/health/liveness and /readiness');
  if (mgmt.server?.port != null) fail('application.yml', 'management.server.port is set: probes and scraping must use that port');
  const base = mgmt.endpoints?.web?.['base-path'] ?? '/actuator';
  const composeTest = [].concat(compose['x-backend']?.healthcheck?.test ?? []).join(' ');
  const composeReady = /localhost:(\d+)(\/[\w/]+)/.exec(composeTest);
  if (!composeReady) fail('docker-compose.yml', `x-backend healthcheck has no http://localhost:<port>/<path> (${composeTest})`);
  const expected = {
    startupProbe: `${base}/health/liveness`,
    livenessProbe: `${base}/health/liveness`,
    readinessProbe: composeReady?.[2] ?? `${base}/health/readiness`,
  };
  if (composeReady && composeReady[2] !== `${base}/health/readiness`) fail('docker-compose.yml', `healthcheck asks ${composeReady[2]}, not ${base}/health/readiness`);
  for (const [probe, path] of Object.entries(expected)) {
    const p = backend[probe];
    if (!p) { fail(where, `no ${probe}`); continue; }
    if (!p.httpGet) { fail(where, `${probe} is not an httpGet`); continue; }
    if (p.httpGet.path !== path) fail(where, `${probe}.httpGet.path ${p.httpGet.path}: the backend answers ${path}`);
    const port = resolvePort(ports, p.httpGet.port);
    if (!port) fail(where, `${probe}.httpGet.port ${p.httpGet.port} is not a container port`);
    else if (port.containerPort !== listenPort) fail(where, `${probe}.httpGet.port ${p.httpGet.port} is ${port.containerPort}, the backend listens on ${listenPort}`);
  }
  const startup = backend.startupProbe;
  if (startup) {
    const budget = (startup.initialDelaySeconds ?? 0) + (startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3);
    if (budget < 120) fail(where, `startupProbe gives ${budget} s: start-up takes about 60 s, give it at least 120 s`);
  }

  // metrics: Prometheus' annotations point at the exposed prometheus endpoint
  const ann = backendDeployment.spec?.template?.metadata?.annotations ?? {};
  const exposure = String(mgmt.endpoints?.web?.exposure?.include ?? '').split(',').map((s) => s.trim());
  if (!exposure.includes('prometheus')) fail('application.yml', 'management.endpoints.web.exposure.include lacks prometheus');
  if (ann['prometheus.io/scrape'] !== 'true') fail(where, 'pod annotation prometheus.io/scrape is not "true"');
  if (ann['prometheus.io/path'] !== `${base}/prometheus`) fail(where, `pod annotation prometheus.io/path ${ann['prometheus.io/path']}: the metrics are at ${base}/prometheus`);
  if (Number(ann['prometheus.io/port']) !== listenPort) fail(where, `pod annotation prometheus.io/port ${ann['prometheus.io/port']}: the backend listens on ${listenPort}`);

  // the JVM: the image's entrypoint with other options; the same jar
  const entry = /^ENTRYPOINT\s+(\[.*\])/m.exec(dockerfile);
  const imageCommand = entry ? JSON.parse(entry[1]) : [];
  if (backend.command) {
    const jar = (cmd) => cmd[cmd.indexOf('-jar') + 1];
    if (backend.command[0] !== 'java' || !backend.command.includes('-jar') || jar(backend.command) !== jar(imageCommand)) {
      fail(where, `command ${JSON.stringify(backend.command)} does not run the image's jar (${JSON.stringify(imageCommand)})`);
    }
  }
  if (backend.args) fail(where, 'args would be passed to the jar (the image has no CMD): set command');
  const tmpMounted = (backend.volumeMounts ?? []).some((m) => m.mountPath === '/tmp');
  if (backend.securityContext?.readOnlyRootFilesystem && !tmpMounted) fail(where, 'readOnlyRootFilesystem without a volume on /tmp (Tomcat, uploads)');
  const runAs = backend.securityContext?.runAsUser ?? backendDeployment.spec.template.spec.securityContext?.runAsUser;
  const nonRoot = backend.securityContext?.runAsNonRoot ?? backendDeployment.spec.template.spec.securityContext?.runAsNonRoot;
  const imageUser = /^USER\s+(\S+)/m.exec(dockerfile)?.[1];
  if (nonRoot && runAs == null && imageUser && !/^\d+$/.test(imageUser)) {
    fail(where, `runAsNonRoot with the image's user ${imageUser}, not a number: the kubelet refuses it without runAsUser`);
  }

  // environment: names the backend reads, everything compose sets, secrets from the Secret
  const known = knownBackendEnv();
  for (const [name, from] of env) {
    if (!known.has(name) && !known.prefixes.some((p) => name.startsWith(p))) {
      fail(where, `environment variable ${name}${from.configMap ? ` (ConfigMap ${from.configMap})` : ''} is read by nothing in the backend (${closest(name, known)})`);
    }
  }
  const composeEnv = Object.keys(compose['x-backend']?.environment ?? {});
  if (composeEnv.length === 0) fail('docker-compose.yml', 'x-backend has no environment to compare with');
  for (const name of composeEnv) if (!env.has(name)) fail(where, `${name} is not set (docker-compose.yml's x-backend sets it)`);
  for (const name of ['SPRING_DATASOURCE_PASSWORD', 'KEYCLOAK_BACKEND_SECRET', 'ONETHING_SEARCH_HASH_KEY', 'CAMUNDA_ADMIN_PASSWORD']) {
    if (env.has(name) && !env.get(name).secret) fail(where, `${name} must come from a Secret, not ${env.get(name).configMap ? 'a ConfigMap' : 'a literal value'}`);
  }
  if (env.get('LOGGING_STRUCTURED_FORMAT_CONSOLE')?.value !== 'ecs') fail(where, 'LOGGING_STRUCTURED_FORMAT_CONSOLE is not ecs (JSON logs)');
  for (const name of ['SPRING_DATASOURCE_URL']) {
    if (env.has(name) && !/^jdbc:postgresql:\/\//.test(env.get(name).value ?? '')) fail(where, `${name} is not a PostgreSQL JDBC URL: nodes must share one PostgreSQL`);
  }
}

// Names the backend reads from the environment: application.yml's placeholders and properties (Spring's relaxed
// binding: SPRING_DATASOURCE_URL is spring.datasource.url, dashes dropped or made underscores), the properties the
// Java code binds (@Value, @Scheduled, @ConfigurationProperties records), what compose sets (known to work), and
// Spring Boot's or the JVM's own below.
function knownBackendEnv() {
  const names = new Set([
    'JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', // the JVM
    'SPRING_PROFILES_ACTIVE', 'SERVER_SHUTDOWN', 'SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE', // Spring Boot's
    'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', 'SPRING_DATASOURCE_HIKARI_MINIMUMIDLE',
  ]);
  const prefixes = ['LOGGING_LEVEL_'];
  const property = (p) => {
    const upper = p.toUpperCase().replaceAll('.', '_');
    names.add(upper.replaceAll('-', ''));
    names.add(upper.replaceAll('-', '_'));
  };
  const placeholder = (text) => {
    for (const m of text.matchAll(/\$\{([A-Za-z0-9_.-]+)(?::[^}]*)?\}/g)) {
      if (/^[A-Z0-9_]+$/.test(m[1])) names.add(m[1]);
      else property(m[1]);
    }
  };
  const flatten = (value, path) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k);
    } else if (path) property(path);
  };
  const yamlText = read('backend/src/main/resources/application.yml');
  placeholder(yamlText);
  flatten(parse(yamlText), '');
  const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const javaFiles = (dir) => readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? javaFiles(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : []);
  for (const file of javaFiles('backend/src/main/java')) {
    const src = read(file);
    placeholder(src);
    for (const m of src.matchAll(/@ConfigurationProperties\("([^"]+)"\)\s*(?:public\s+)?record\s+\w+\(/g)) {
      let depth = 1, i = m.index + m[0].length, start = i;
      const parts = [];
      for (; i < src.length && depth > 0; i++) {
        const ch = src[i];
        if (ch === '(' || ch === '<') depth++;
        else if (ch === ')' || ch === '>') depth--;
        if ((ch === ',' && depth === 1) || depth === 0) { parts.push(src.slice(start, i)); start = i + 1; }
      }
      for (const part of parts) {
        const component = /(\w+)\s*$/.exec(part.trim())?.[1];
        if (!component) continue;
        const p = `${m[1]}.${kebab(component)}`;
        property(p);
        if (/\b(Map|List)</.test(part)) prefixes.push(p.toUpperCase().replaceAll('.', '_').replaceAll('-', '') + '_');
      }
    }
  }
  for (const k of Object.keys(compose['x-backend']?.environment ?? {})) names.add(k);
  return Object.assign(names, { prefixes });
}

function closest(name, known) {
  const dist = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  const best = [...known].sort((a, b) => dist(name, a) - dist(name, b))[0];
  return best && dist(name, best) <= 4 ? `did you mean ${best}?` : 'not a property of application.yml, the code or compose';
}

// --- the frontend: nginx template = frontend/nginx.conf with another upstream ------------------------------------
if (frontend) {
  const where = `${id(frontendDeployment)} container ${frontend.name}`;
  const env = environment(frontendDeployment, frontend);
  const mount = (frontend.volumeMounts ?? []).find((m) => m.mountPath === '/etc/nginx/templates');
  const volume = frontendDeployment.spec.template.spec.volumes?.find((v) => v.name === mount?.name);
  const cm = configMaps.get(volume?.configMap?.name);
  const templateName = volume?.configMap?.items?.[0]?.path ?? Object.keys(cm?.data ?? {})[0];
  const template = cm?.data?.[volume?.configMap?.items?.[0]?.key ?? templateName];
  if (!mount || !cm || !template) {
    fail(where, 'no nginx template from a ConfigMap on /etc/nginx/templates');
  } else {
    if (!templateName.endsWith('.template')) fail(where, `${templateName}: the image renders only *.template files`);
    const nginxConf = read('frontend/nginx.conf');
    const serverBlock = (text) => text.slice(text.search(/^server \{/m));
    if (serverBlock(template) !== serverBlock(nginxConf)) {
      const a = serverBlock(template).split('\n'), b = serverBlock(nginxConf).split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      fail(`ConfigMap ${cm.metadata.name}`, `the server block differs from frontend/nginx.conf's (line ${line + 1} of it: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])}): change both`);
    }
    const upstream = /^upstream (\w+) \{([\s\S]*?)^\}/m.exec(template);
    if (!upstream) fail(`ConfigMap ${cm.metadata.name}`, 'no upstream block');
    else {
      if (!serverBlock(template).includes(`proxy_pass http://${upstream[1]};`)) fail(`ConfigMap ${cm.metadata.name}`, `the server block does not proxy to upstream ${upstream[1]}`);
      const body = upstream[2].split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
      const vars = [...new Set([...body.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))];
      const filter = env.get('NGINX_ENVSUBST_FILTER')?.value;
      for (const v of vars) {
        const defined = v === 'NGINX_LOCAL_RESOLVERS' ? env.get('NGINX_ENTRYPOINT_LOCAL_RESOLVERS')?.value : env.get(v)?.value;
        if (!defined) fail(where, `the nginx template uses \${${v}}, which ${v === 'NGINX_LOCAL_RESOLVERS' ? 'needs NGINX_ENTRYPOINT_LOCAL_RESOLVERS set' : 'is not set'}`);
        if (filter && !new RegExp(filter).test(v)) fail(where, `NGINX_ENVSUBST_FILTER ${filter} leaves \${${v}} unreplaced`);
      }
      if (/\$\{/.test(serverBlock(template))) fail(`ConfigMap ${cm.metadata.name}`, 'the server block has ${...}: it would be replaced by the environment');
      const server = /^\s*server\s+\$\{BACKEND_HOST\}:(\d+)\s+resolve\b/m.exec(body);
      if (!server) fail(`ConfigMap ${cm.metadata.name}`, 'the upstream has no `server ${BACKEND_HOST}:<port> resolve`');
      if (!/^\s*resolver\s+\$\{NGINX_LOCAL_RESOLVERS\}/m.test(body)) fail(`ConfigMap ${cm.metadata.name}`, 'the upstream has no `resolver ${NGINX_LOCAL_RESOLVERS}`');
      const host = env.get('BACKEND_HOST')?.value ?? '';
      const [svcName, ns, svcWord, ...domain] = host.split('.');
      const svc = services.find((s) => s.metadata.name === svcName);
      if (ns !== namespace || svcWord !== 'svc' || domain.length === 0) {
        fail(where, `BACKEND_HOST ${host} is not <service>.${namespace}.svc.<cluster domain> (nginx's resolver needs the full name)`);
      } else if (!svc) {
        fail(where, `BACKEND_HOST ${host}: no Service ${svcName}`);
      } else {
        if (svc.spec.clusterIP !== 'None') fail(where, `BACKEND_HOST ${host}: Service ${svcName} is not headless (clusterIP: None), nginx would see one address`);
        if (backendDeployment && !matches(svc.spec.selector, podLabels(backendDeployment))) fail(where, `BACKEND_HOST ${host}: Service ${svcName} does not select the backend's pods`);
        if (server && !(svc.spec.ports ?? []).some((p) => resolvePort(backend?.ports ?? [], p.targetPort ?? p.port)?.containerPort === Number(server[1]))) {
          fail(`ConfigMap ${cm.metadata.name}`, `the upstream's port ${server[1]} is not a port of Service ${svcName} on the backend`);
        }
      }
      const listen = Number(/^\s*listen\s+(\d+);/m.exec(template)?.[1]);
      if (!(frontend.ports ?? []).some((p) => p.containerPort === listen)) fail(where, `no containerPort ${listen} (nginx listens there)`);
    }
  }
  for (const probe of ['readinessProbe', 'livenessProbe']) {
    const p = frontend[probe]?.httpGet;
    if (!p) fail(where, `no ${probe} httpGet`);
    else if (!resolvePort(frontend.ports ?? [], p.port)) fail(where, `${probe}.httpGet.port ${p.port} is not a container port`);
  }
  const nginxEnv = new Set(['NGINX_ENTRYPOINT_LOCAL_RESOLVERS', 'NGINX_ENVSUBST_FILTER', 'NGINX_ENTRYPOINT_QUIET_LOGS',
    'NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE', 'NGINX_ENVSUBST_TEMPLATE_DIR', 'NGINX_ENVSUBST_TEMPLATE_SUFFIX', 'NGINX_ENVSUBST_OUTPUT_DIR']);
  for (const name of env.keys()) {
    if (!nginxEnv.has(name) && !(template ?? '').includes(`\${${name}}`)) fail(where, `environment variable ${name} is read by neither the nginx image nor the template`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
if (errors.size) {
  console.error(`check-kubernetes: deploy/kubernetes is invalid (${errors.size} problem${errors.size > 1 ? 's' : ''}):`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
const kinds = Object.entries(objects.reduce((n, o) => ({ ...n, [o.kind]: (n[o.kind] ?? 0) + 1 }), {}))
  .map(([k, n]) => `${n} ${k}`).join(', ');
const kubectlVersion = execFileSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).match(/v\d+\.\d+\.\d+/)?.[0] ?? '?';
console.log(`check-kubernetes: OK — ${objects.length} objects (${kinds}) and ${exampleFiles.join(', ')} valid and strict against the Kubernetes API schemas; `
  + `selectors, ports, probes, metrics, Secret/ConfigMap references, the backend's environment and the nginx upstream consistent (kubectl ${kubectlVersion} kustomize)`);
