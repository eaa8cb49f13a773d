import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from './check-links.ts';

describe('checkLinks on the Markdown twins and llms.txt', () => {
	it('checks their absolute links to the site, page and anchor, and leaves other sites alone', () => {
		const dist = mkdtempSync(join(tmpdir(), 'twins-'));
		mkdirSync(join(dist, 'aws'));
		writeFileSync(join(dist, 'aws/index.html'), '<h2 id="rekognition">R</h2>');
		writeFileSync(
			join(dist, 'aws.md'),
			'# AWS\n\n[ok](https://e.org/x/aws/#rekognition) [other](https://aws.amazon.com/x)\n',
		);
		writeFileSync(
			join(dist, 'llms.txt'),
			'# S\n\n- [AWS](https://e.org/x/aws.md): d\n- [Gone](https://e.org/x/gone.md): d\n\n<https://e.org/x/aws/#nothing>\n',
		);
		const { broken, checked } = checkLinks(dist, '/x/', 'https://e.org');
		expect(checked).toBe(4);
		expect(broken.map((b) => `${b.page} ${b.href}`)).toEqual([
			'/llms.txt https://e.org/x/gone.md',
			'/llms.txt https://e.org/x/aws/#nothing',
		]);
	});
});
