import { defineCollection } from 'astro:content';
import { file, type Loader, type LoaderContext } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageSchema } from './src/article/schema.ts';
import { dataFiles, parseEntries, schemas, type DataKind } from './src/data/data.ts';

/**
 * Astro's file loader reads a file on the first change event, which can come while the file is
 * still being written; the events after it may then count as the same change, and the edit would
 * be lost until the next save. Its listener hears each file once that file has been quiet for a
 * moment, as the content check does (src/article/integration.ts).
 */
function settled(context: LoaderContext): LoaderContext {
	const { watcher } = context;
	if (!watcher) return context;
	const on = (event: string, listener: (path: string) => void) => {
		const timers = new Map<string, ReturnType<typeof setTimeout>>();
		watcher.on(event as 'change', (path: string) => {
			clearTimeout(timers.get(path));
			timers.set(
				path,
				setTimeout(() => listener(path), 250),
			);
		});
	};
	// Only what the file loader calls.
	return { ...context, watcher: { add: (paths: string) => watcher.add(paths), on } as unknown as typeof watcher };
}

/** A YAML file under content/ (src/data/data.ts): `astro dev` reloads it when it changes. */
function data(kind: DataKind): Loader {
	const loader = file(dataFiles[kind], { parser: (text) => parseEntries(kind, text) });
	return { ...loader, load: (context) => loader.load(settled(context)) };
}

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageSchema }) }),
	glossary: defineCollection({ loader: data('glossary'), schema: schemas.glossary }),
	figures: defineCollection({ loader: data('figures'), schema: schemas.figures }),
	topics: defineCollection({ loader: data('topics'), schema: schemas.topics }),
	revisions: defineCollection({ loader: data('revisions'), schema: schemas.revisions }),
	synonyms: defineCollection({ loader: data('synonyms'), schema: schemas.synonyms }),
	corrections: defineCollection({ loader: data('corrections'), schema: schemas.corrections }),
};
