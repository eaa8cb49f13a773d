import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageSchema } from './src/article/schema.ts';
import { dataFiles, parseEntries, schemas, type DataKind } from './src/data/data.ts';

/** A YAML file under content/ (src/data/data.ts): `astro dev` reloads it when it changes. */
const data = (kind: DataKind) => file(dataFiles[kind], { parser: (text) => parseEntries(kind, text) });

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageSchema }) }),
	glossary: defineCollection({ loader: data('glossary'), schema: schemas.glossary }),
	figures: defineCollection({ loader: data('figures'), schema: schemas.figures }),
	topics: defineCollection({ loader: data('topics'), schema: schemas.topics }),
	revisions: defineCollection({ loader: data('revisions'), schema: schemas.revisions }),
	synonyms: defineCollection({ loader: data('synonyms'), schema: schemas.synonyms }),
	corrections: defineCollection({ loader: data('corrections'), schema: schemas.corrections }),
};
