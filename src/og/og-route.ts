/** `/og/<page>.png` and `/og/<page>/<section>.png`: link-preview images, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allPreviewTargets, type PreviewTarget } from '../linking/sections.ts';
import { renderOgImage } from './og-image.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
	const { pages, sections } = await allPreviewTargets();
	return [...pages, ...sections].map((target) => ({
		params: { image: target.image.replace(/^\/og\//, '').replace(/\.png$/, '') },
		props: { target },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ target: PreviewTarget }> = async ({ props: { target } }) => {
	const png = await renderOgImage({
		title: target.title,
		summary: target.summary,
		eyebrow: target.section ? target.pageTitle : target.page ? 'Explainer' : 'Overview',
	});
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
