// Which base image each part of the stack starts from: the official ones for
// real users, or the substitutes an air-gapped machine built
// (scripts/build-airgap-images.sh writes them to .env). The environment wins
// over .env, .env over the official defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BASE_IMAGES,
  DEFAULT_NODE_LINE,
  LB_NAMES,
  NODE_LINES,
  officialNodeImage,
  type LbName,
  type NodeLine,
} from '../scenarios/scenarios.js';
import { PROJECT_DIR } from './compose.js';

export interface BaseImages extends Record<LbName, string> {
  /** Builds the app (its build output runs on every line). */
  build: string;
  /** Runs the app, per Node line. */
  nodeByLine: Record<NodeLine, string>;
}

/** The variable naming an LB's base image: LAB_HAPROXY_IMAGE. */
export const lbImageVariable = (lb: LbName) => `LAB_${lb.toUpperCase()}_IMAGE`;

/** The variable naming a Node line's image: LAB_NODE_24_IMAGE. */
export const nodeImageVariable = (line: NodeLine) => `LAB_NODE_${line}_IMAGE`;

/** KEY=VALUE lines of a .env file (comments and blanks skipped, no interpolation). */
export function parseDotEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export function resolveBaseImages(
  env: Record<string, string | undefined> = process.env,
  dotEnv: Record<string, string> = readProjectDotEnv(),
): BaseImages {
  const pick = (name: string) => env[name] || dotEnv[name] || undefined;
  const build = pick('LAB_NODE_IMAGE') ?? BASE_IMAGES.node;
  const nodeByLine = Object.fromEntries(
    NODE_LINES.map((line) => [
      line,
      pick(nodeImageVariable(line)) ?? (line === DEFAULT_NODE_LINE ? build : officialNodeImage(line)),
    ]),
  ) as Record<NodeLine, string>;
  const lbs = Object.fromEntries(LB_NAMES.map((lb) => [lb, pick(lbImageVariable(lb)) ?? BASE_IMAGES[lb]])) as Record<
    LbName,
    string
  >;
  return { build, nodeByLine, ...lbs };
}

function readProjectDotEnv(): Record<string, string> {
  const path = join(PROJECT_DIR, '.env');
  return existsSync(path) ? parseDotEnv(readFileSync(path, 'utf8')) : {};
}
