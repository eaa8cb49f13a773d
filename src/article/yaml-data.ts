/** Content data files (YAML lists under content/) read through a zod schema, with errors naming the file. */
import { load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';

export function parseYamlList<T extends z.ZodType>(text: string, schema: T, file: string): z.infer<T>[] {
	const parsed = z.array(schema).safeParse(loadYaml(text));
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `entry ${i.path.join('.')}: ${i.message}`);
		throw new Error(`${file}: ${issues.join('; ')}`);
	}
	const seen = new Set<string>();
	for (const entry of parsed.data as { id?: string }[]) {
		if (entry.id === undefined) continue;
		if (seen.has(entry.id)) throw new Error(`${file}: id "${entry.id}" is used twice.`);
		seen.add(entry.id);
	}
	return parsed.data;
}
