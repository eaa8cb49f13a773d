/** Shared by the copy-link buttons and quote links: canonical URLs, the clipboard, announcements. */

/** The page's own address on the real site (its <link rel="canonical">), wherever it is open. */
export const canonicalPage = () =>
	document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;

export function canonicalUrl(hash: string): string {
	const url = new URL(canonicalPage());
	url.hash = hash;
	return url.href;
}

let liveRegion: HTMLElement | undefined;
export function announce(message: string) {
	if (!liveRegion) {
		liveRegion = document.createElement('div');
		liveRegion.className = 'sr-only';
		liveRegion.setAttribute('role', 'status');
		liveRegion.setAttribute('aria-live', 'polite');
		document.body.append(liveRegion);
	}
	// Clear first so the same message is announced again on a second copy.
	liveRegion.textContent = '';
	requestAnimationFrame(() => (liveRegion!.textContent = message));
}

export async function writeClipboard(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
