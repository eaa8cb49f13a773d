/** The site's pages in reading order: the contract the browser tests check against. */
export const readingOrder = [
	'/',
	'/investment/',
	'/aws/',
	'/business/',
	'/hybrid-edge/',
	'/partnerships/',
	'/risks/',
	'/outlook/',
	'/figures/',
	'/glossary/',
	'/source/',
] as const;

export const sectionPages: readonly string[] = readingOrder.slice(1, 8);

/** A word each section page uses that search must find on that page. */
export const distinctiveTerms: Record<string, string> = {
	'/investment/': 'colossal',
	'/aws/': 'Rekognition',
	'/business/': 'warehouse',
	'/hybrid-edge/': 'latency',
	'/partnerships/': 'startups',
	'/risks/': 'monetized',
	'/outlook/': 'healthcare',
};

/** Site paths are relative to the configured base (baseURL ends with it), so strip the leading slash. */
export const rel = (path: string) => path.replace(/^\//, '') || './';
