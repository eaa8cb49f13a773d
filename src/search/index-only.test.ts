import { describe, expect, it } from 'vitest';
import { indexOnly, withoutIndexOnly } from './index-only.ts';

describe('withoutIndexOnly', () => {
	it('cuts index-only words out of an excerpt, marks included', () => {
		const excerpt = `AI chips${indexOnly('related: <mark>Trainium</mark>, Inferentia')}. The aim is speed.`;
		expect(withoutIndexOnly(excerpt)).toBe('AI chips. The aim is speed.');
	});
	it('cuts a bracket the excerpt starts or ends inside', () => {
		expect(withoutIndexOnly('Inferentia⟧. The aim, the article says')).toBe('. The aim, the article says');
		expect(withoutIndexOnly('companies and firms ⟦also: fi')).toBe('companies and firms');
	});
	it('takes the mark Pagefind puts around a word with its bracket', () => {
		expect(withoutIndexOnly('raise revenue. ⟦also: client, <mark>semiconductor⟧</mark> Context')).toBe(
			'raise revenue. Context',
		);
	});
	it('leaves an excerpt without them as it is', () => {
		expect(withoutIndexOnly('over <mark>70%</mark> of sales')).toBe('over <mark>70%</mark> of sales');
	});
});
