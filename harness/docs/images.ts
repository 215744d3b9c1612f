// The docs' pictures drawn from committed runs with the report's own charts,
// so the picture in the README is a real hit, not a drawing: race.svg is the
// talk-sized measurement's hit timeline (client, LB, app: the idle close, the
// reuse, the reset, the 502).
import { join } from 'node:path';
import { hitTimelineOf } from '../report/html/chart-data.js';
import { hitTimelineSvg } from '../report/html/hit-timeline-chart.js';
import { readRunFiles } from '../report/html/run-files.js';
import { MEASUREMENTS_DIR } from './measurements.js';

/** Each generated picture: its path from the repository's root, and how to draw it. */
export const DOC_IMAGES: Record<string, (root: string) => string> = {
  'docs/images/race.svg': (root) => {
    const files = readRunFiles(join(root, MEASUREMENTS_DIR, 'talk'));
    const { summary } = files;
    return hitTimelineSvg(hitTimelineOf(summary, files.records, files.apps[summary.aimVariant] ?? null, files.access));
  },
};
