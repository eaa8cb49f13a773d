/**
 * Link-preview images (1200x630 PNG) rendered at build time with satori (layout to SVG), resvg
 * (SVG to pixels) and sharp (pixels to PNG), using the self-hosted Inter files. Fonts load once
 * per build; images are kept in the build cache (src/build/cache.ts), so unchanged pages are not
 * drawn again. A cached image must be a whole PNG of the right size, else it is drawn again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { binary, Cache, cacheRoot } from '../build/cache.ts';
import { recordPhase } from '../build/phases.ts';
import { SITE_NAME } from '../config/site-name.ts';

const require = createRequire(import.meta.url);
const OG_WIDTH = 1200;
const OG_HEIGHT = 630;

export interface OgImageInput {
	/** Big line: the page or section title. */
	title: string;
	/** One-line summary under the title. */
	summary: string;
	/** Small line above the title, e.g. the page a section belongs to. */
	eyebrow: string;
}

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
	fonts ??= ([400, 700] as const).map((weight) => ({
		name: 'Inter',
		data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
		weight,
		style: 'normal' as const,
	}));
	return fonts;
}

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
	type,
	props: { style, children },
});

/**
 * A dark card with a light frame: reads well on the white and the dark backgrounds of chat apps.
 * Colours match the favicon (navy and amber).
 */
function layout({ title, summary, eyebrow }: OgImageInput): Node {
	const titleSize = title.length > 60 ? 56 : title.length > 36 ? 66 : 78;
	return h(
		'div',
		{
			width: OG_WIDTH,
			height: OG_HEIGHT,
			display: 'flex',
			padding: 24,
			boxSizing: 'border-box',
			background: '#e8edf5',
			fontFamily: 'Inter',
		},
		h(
			'div',
			{
				display: 'flex',
				flexDirection: 'column',
				justifyContent: 'space-between',
				flexGrow: 1,
				padding: '52px 64px',
				borderRadius: 28,
				background: '#14213d',
				color: '#ffffff',
			},
			[
				h('div', { display: 'flex', alignItems: 'center', fontSize: 30, color: '#ffb347', fontWeight: 700 }, [
					h('div', { display: 'flex', width: 18, height: 18, borderRadius: 9, background: '#ff9f1c', marginRight: 16 }),
					eyebrow,
				]),
				h('div', { display: 'flex', flexDirection: 'column' }, [
					h('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }, title),
					h('div', { marginTop: 28, fontSize: 32, lineHeight: 1.35, color: '#d5deee' }, summary),
				]),
				h(
					'div',
					{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 26, color: '#aebbd3' },
					[
						h('div', { display: 'flex' }, SITE_NAME),
						h('div', { display: 'flex', width: 120, height: 8, borderRadius: 4, background: '#ff9f1c' }),
					],
				),
			],
		),
	);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]); // IEND chunk type + CRC

/** Why a cached file is not a whole 1200x630 PNG, or undefined. */
export function checkOgPng(png: Buffer): string | undefined {
	if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return 'not a PNG';
	if (png.readUInt32BE(16) !== OG_WIDTH || png.readUInt32BE(20) !== OG_HEIGHT)
		return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}, not ${OG_WIDTH}x${OG_HEIGHT}`;
	if (!png.subarray(-8).equals(PNG_END)) return 'truncated (no end chunk)';
	return undefined;
}

const counts = { drawn: 0, cached: 0 };
/** Images are made several at a time (astro.config.mjs): the phase is wall time, first start to last end. */
const span = { first: Infinity, recorded: 0 };
const report = (started: number) => {
	span.first = Math.min(span.first, started);
	const wall = performance.now() - span.first;
	recordPhase('preview images', wall - span.recorded, `${counts.drawn} drawn, ${counts.cached} cached`);
	span.recorded = wall;
};

/**
 * Loaded only when an image is not cached: on their own they take about 0.17 s to import, which a
 * rebuild with every image cached would otherwise spend for nothing.
 */
const drawingLibraries = async () => {
	const [{ default: satori }, { renderAsync }, { default: sharp }] = await Promise.all([
		import('satori'),
		import('@resvg/resvg-js'),
		import('sharp'),
	]);
	return { satori, renderAsync, sharp };
};

const caches = new Map<string, Cache<Buffer>>();
const cacheIn = (root: string) => {
	let cache = caches.get(root);
	if (!cache) {
		cache = new Cache({ name: 'og', code: ['src/og/og-image.ts'], root, ...binary, check: checkOgPng });
		caches.set(root, cache);
	}
	return cache;
};

export async function renderOgImage(input: OgImageInput, root = cacheRoot()): Promise<Buffer> {
	const started = performance.now();
	let drawn = false;
	const png = await cacheIn(root).memo([JSON.stringify(input)], async () => {
		drawn = true;
		const { satori, renderAsync, sharp } = await drawingLibraries();
		const svg = await satori(layout(input) as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
		// Rasterised and encoded off the main thread (libuv's pool), so the next page's layout runs
		// meanwhile: resvg's own asPng() would encode on the main thread, and takes longer than sharp.
		const image = await renderAsync(svg, { fitTo: { mode: 'width', value: OG_WIDTH } });
		return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
			.png()
			.toBuffer();
	});
	counts[drawn ? 'drawn' : 'cached']++;
	report(started);
	return png;
}
