// Types of scripts/dependency-patches.mjs for the TypeScript that imports it (vitest.config.ts, tests).
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export interface DependencyPatch {
  name: string;
  file: RegExp;
  replacements: [from: string, to: string][];
}
export const PATCHES: DependencyPatch[];
export const NARROW_CHARS: string;
export function patchFor(path: string): DependencyPatch | undefined;
export function applyPatch(patch: DependencyPatch, path: string, source: string): string;
export const esbuildDependencyPatches: EsbuildPlugin;
export function viteDependencyPatches(): VitePlugin;
