/**
 * The site's error for a problem an author can fix: it names the file (and line, where there is
 * one) in its message, tells what to do next, and carries the place as `loc`, which Astro's error
 * report (terminal and dev overlay) points at instead of the code that noticed.
 */
import { fromRoot } from './paths.ts';

export interface Where {
	/** Path from the project root, e.g. content/docs/aws.mdx. */
	file: string;
	line?: number;
	/** What to do about it, appended to the message. */
	hint?: string;
}

export class SiteError extends Error {
	readonly file: string;
	readonly line?: number;
	readonly hint?: string;
	readonly loc?: { file: string; line: number; column: number };
	/** Also read for the place when the error is thrown from a Markdown plugin. */
	readonly column?: number;

	constructor(problem: string, { file, line, hint }: Where) {
		super(`${file}${line ? `:${line}` : ''}: ${problem}${hint ? ` ${hint}` : ''}`);
		this.name = 'SiteError';
		this.file = file;
		this.line = line;
		this.hint = hint;
		if (line) {
			this.loc = { file: fromRoot(file), line, column: 1 };
			this.column = 1;
		}
	}
}
