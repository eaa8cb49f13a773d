/**
 * Renders citations (render.ts) in a worker thread: preparing the styles takes a core for seconds,
 * and the pages go on being built on the other meanwhile. Started by citations.json.ts only for
 * items the build cache does not have.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { citationTexts } from './render.ts';
import type { CslItem } from './citation-items.ts';

parentPort!.postMessage((workerData as CslItem[]).map(citationTexts));
