/** Search topics, written once in content/topics.yaml; pages pick theirs in frontmatter. */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { fromRoot } from '../site/paths.ts';
import { parseYamlList } from '../article/yaml-data.ts';

const topicSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	label: z.string().min(2),
	description: z.string().min(10),
});
export type Topic = z.infer<typeof topicSchema>;

let cached: Topic[] | undefined;
export function loadTopics(): Topic[] {
	if (cached) return cached;
	cached = parseYamlList(readFileSync(fromRoot('content/topics.yaml'), 'utf8'), topicSchema, 'content/topics.yaml');
	return cached;
}

export const topicIds = () => loadTopics().map((t) => t.id) as [string, ...string[]];
export const topicLabel = (id: string) => loadTopics().find((t) => t.id === id)?.label ?? id;
