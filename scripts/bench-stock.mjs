/**
 * The benchmark's baseline: the same pages' prose in a stock Starlight site (default
 * configuration; this project's components, diagrams, plugins and overrides removed), built in
 * .cache/bench-stock/ (inside this project, so it uses the same installed packages).
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';

const article = readFileSync('content/source/article.txt', 'utf8')
	.split('\n')
	.map((l) => l.trim())
	.filter((l) => l && /[.!?:;]$/.test(l));

function toStockMdx(source) {
	return source
		.replace(/^import .*$/gm, '')
		.replace(/<Quote p=\{\d+\}>([\s\S]*?)<\/Quote>/g, (_, text) => `> ${text.replace(/\s+/g, ' ').trim()}`)
		.replace(/<Term id="[^"]*">([\s\S]*?)<\/Term>/g, '$1')
		.replace(/<SourceParagraph p=\{(\d+)\} \/>/g, (_, n) => article[Number(n) - 1])
		.replace(/<(KeyFigure|CorrectionsTable|ReadingPath|TopicsList|ChangeLog)\b[^>]*\/>/g, '')
		.replace(/<GlossaryList \/>/g, () =>
			loadYaml(readFileSync('content/glossary.yaml', 'utf8'))
				.map((t) => `## ${t.term}\n\n${t.definition}`)
				.join('\n\n'),
		)
		.replace(/<FigureList \/>/g, () =>
			loadYaml(readFileSync('content/figures.yaml', 'utf8'))
				.map((f) => `## ${f.value}: ${f.label}\n\n> ${f.quote}\n\n${f.covers}\n\n${f.doesNotCover}`)
				.join('\n\n'),
		)
		.replace(/^(---[\s\S]*?---\n)/, "$1\nimport { Aside } from '@astrojs/starlight/components';\n");
}

export function prepareStockSite(dir = '.cache/bench-stock') {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
	cpSync('public/favicon.svg', join(dir, 'public/favicon.svg'));
	// Dependencies are listed so Astro's bundler treats Starlight as a framework package, as in any site.
	const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
	const pkg = {
		name: 'bench-stock',
		private: true,
		type: 'module',
		dependencies: { astro: dependencies.astro, '@astrojs/starlight': dependencies['@astrojs/starlight'] },
	};
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, '\t')}\n`);
	writeFileSync(
		join(dir, 'astro.config.mjs'),
		`import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n\tsite: 'https://amazon-ai-bet.example.org',\n\tintegrations: [starlight({ title: "Amazon's $200B AI Bet, Explained" })],\n});\n`,
	);
	writeFileSync(
		join(dir, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	for (const file of readdirSync('content/docs').filter((f) => f !== '404.mdx')) {
		writeFileSync(join(dir, 'src/content/docs', file), toStockMdx(readFileSync(join('content/docs', file), 'utf8')));
	}
	return dir;
}
