/**
 * Sätteri mdast plugin: lets authors pin a heading's anchor in MDX so that editing the heading's
 * words never breaks links people have shared:
 *
 *     ## Custom AI chips {/* #custom-chips *\/}
 *
 * (`{#id}` as in Markdown is a JavaScript expression in MDX, so the id goes in an MDX comment.)
 * The comment is removed and the id is set on the heading; Starlight's heading-ids step keeps it.
 */
import { defineMdastPlugin } from 'satteri';

const PINNED_ID = /^\s*\/\*\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\*\/\s*$/;

/** The pinned id in a heading's MDX source line, if any (shared with the content checks). */
export function pinnedIdInSource(headingText: string): { id: string; text: string } | undefined {
	const match = /\{(\/\*[\s\S]*?\*\/)\}\s*$/.exec(headingText);
	const id = match && PINNED_ID.exec(match[1]!)?.[1];
	return id ? { id, text: headingText.slice(0, match!.index).trim() } : undefined;
}

export function pinnedIdsPlugin() {
	return defineMdastPlugin({
		name: 'pinned-heading-ids',
		heading(node, ctx) {
			const children = node.children as Array<{ type: string; value?: string }>;
			const last = children.at(-1);
			if (last?.type !== 'mdxTextExpression' || typeof last.value !== 'string') return;
			const id = PINNED_ID.exec(last.value)?.[1];
			if (!id) return;
			ctx.removeNode(last as never);
			const before = children.at(-2);
			if (before?.type === 'text' && typeof before.value === 'string') {
				ctx.setProperty(before as never, 'value' as never, before.value.trimEnd() as never);
			}
			const data = (node.data ?? {}) as Record<string, unknown>;
			const hProperties = (data.hProperties ?? {}) as Record<string, unknown>;
			ctx.setProperty(node, 'data', { ...data, hProperties: { ...hProperties, id } });
		},
	});
}
