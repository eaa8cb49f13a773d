/**
 * `/search-dialog.html`: the search dialog's markup, fetched with the dialog's code when a reader
 * reaches for search (search-loader.ts), instead of sitting in every page (0.7 KB compressed on
 * each, enough to keep /changes/ out of a single round trip). A whole document, so it validates and
 * opens on its own; the loader takes the <dialog> out of it. Not indexed, not in the sitemap.
 */
import type { APIRoute } from 'astro';
import { dataOf } from '../data/collections.ts';
import { searchDialogHtml } from './dialog-html.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
	new Response(
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search</title><meta name="robots" content="noindex"></head><body>${searchDialogHtml(await dataOf('topics'))}</body></html>`,
		{ headers: { 'Content-Type': 'text/html; charset=utf-8' } },
	);
