// The yaml library, loaded when first needed rather than before the first frame (start-up time).
type Yaml = typeof import('yaml');

/** In the bundle, a dynamically imported CommonJS package exposes only `default` (esbuild); under
 *  Node and vitest it has its named exports too. Either way this returns the module itself. */
export async function loadYaml(): Promise<Yaml> {
  const yaml = await import('yaml');
  return yaml.default ?? yaml;
}
