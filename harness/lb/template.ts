// The LBs' configuration templates (nginx/, haproxy/, caddy/ at the top of the
// repository) and the one way they are filled: every placeholder must get a
// value and every value must be used, so a renamed key fails at once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lbFixOf } from '../scenarios/lb-fixes.js';
import type { Variant } from '../scenarios/scenarios.js';

/** A template file of an LB: `<repo>/<dir>/<name>.template`. */
export function readTemplate(dir: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../${dir}/${name}.template`, import.meta.url)), 'utf8');
}

/** Replaces every {{key}}; a missing or unused value is a bug in the caller. */
export function fillTemplate(text: string, values: Record<string, string | number>): string {
  const used = new Set<string>();
  const out = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`template placeholder {{${key}}} has no value`);
    used.add(key);
    return String(values[key]);
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`values not used by the template: ${unused.join(', ')}`);
  return out;
}

/**
 * The comment line a variant's LB-side fix (Variant.lbFix) puts above its
 * settings, so the rendered file says why they differ from the lab's; empty
 * without one. Every LB's comments start with '#'.
 */
export function lbFixComment(v: Pick<Variant, 'lbFix'>, indent: string): string {
  const fix = lbFixOf(v.lbFix);
  return fix === null ? '' : `${indent}# LB-side fix ${v.lbFix}: ${fix.description}.\n`;
}

/** Whole seconds read best, and every LB value here is one; HAProxy, nginx and Caddy all read `60s` and `1500ms`. */
export function durationText(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`invalid duration ${ms} ms`);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
