/**
 * Renders citations (render.ts) in a worker thread, in the styles it is given: preparing the
 * styles takes a core for seconds, so citations.json.ts starts one worker per group of styles and
 * the pages go on being built meanwhile. Started only for items the build cache does not have.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { citationTexts } from './render.ts';
import type { CslItem } from './citation-items.ts';
import type { TextStyle } from './citation-styles.ts';

const { items, styles } = workerData as { items: CslItem[]; styles: TextStyle[] };
parentPort!.postMessage(items.map((item) => citationTexts(item, styles)));
