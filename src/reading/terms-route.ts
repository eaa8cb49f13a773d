/**
 * `/glossary/terms.json`: every term's name and definition, for the definition cards
 * (term-card.ts). One cacheable file fetched when a reader first points at or focuses a term,
 * instead of each definition repeated in every page that uses it.
 */
import type { APIRoute } from 'astro';
import { dataOf } from '../data/collections.ts';

export const prerender = true;

export type TermCards = Record<string, { term: string; definition: string }>;

export const GET: APIRoute = async () => {
	const cards: TermCards = Object.fromEntries(
		(await dataOf('glossary')).map((t) => [t.id, { term: t.term, definition: t.definition }]),
	);
	return new Response(JSON.stringify(cards), { headers: { 'Content-Type': 'application/json' } });
};
