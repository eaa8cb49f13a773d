/**
 * Reads what the site needs from a Mermaid fence before rendering: the diagram type and its
 * accessible title and description (`accTitle:` / `accDescr:` or `accDescr { … }`), which every
 * diagram must have. Mermaid supports these lines on most diagram types but not all (mindmaps
 * reject them), so they are taken out here and applied to every SVG the same way.
 */
export interface DiagramSource {
	type: string;
	title: string;
	description: string;
	/** The source with the acc lines removed, as handed to Mermaid. */
	body: string;
}

export class DiagramAccessibilityError extends Error {}

export function parseDiagramSource(source: string): DiagramSource {
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	let title = '';
	let description = '';
	const kept: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const single = /^\s*(accTitle|accDescr)\s*:\s*(.*?)\s*$/.exec(line);
		if (single) {
			if (single[1] === 'accTitle') title = single[2]!;
			else description = single[2]!;
			kept.push('%% acc (site)'); // a Mermaid comment (a bare %% would become a node)
			continue;
		}
		if (/^\s*accDescr\s*\{/.test(line)) {
			const block: string[] = [line.replace(/^\s*accDescr\s*\{/, '')];
			while (!block.at(-1)!.includes('}') && i + 1 < lines.length) block.push(lines[++i]!);
			description = block.join(' ').replace(/\}.*$/, '').replace(/\s+/g, ' ').trim();
			block.forEach(() => kept.push('%% acc (site)'));
			continue;
		}
		kept.push(line);
	}
	const type =
		kept
			.find((l) => l.trim() && !l.trim().startsWith('%%'))
			?.trim()
			.split(/\s+/)[0] ?? '';
	const missing = [!title && 'accTitle', !description && 'accDescr'].filter(Boolean);
	if (missing.length) {
		throw new DiagramAccessibilityError(
			`the diagram has no ${missing.join(' and no ')}. Every diagram needs a title and a description for screen readers, e.g.\n    accTitle: The AWS AI stack\n    accDescr: Custom chips power AWS services, which customers use to build AI.`,
		);
	}
	return { type, title, description, body: kept.join('\n') };
}
