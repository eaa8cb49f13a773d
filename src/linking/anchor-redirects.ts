/**
 * Sends a reader who follows an old #anchor (one that moved, per content/redirects.yaml) to where
 * that section lives now. The map for this page is in <script id="anchor-redirects"> (added by
 * route-middleware.ts only on pages that have moved anchors). Any other fragment, however odd
 * (fragment.ts), leaves the page and its address as they are.
 */
import { movedAnchorTarget, parseMovedAnchors } from './fragment.ts';

const data = document.getElementById('anchor-redirects')?.textContent;
const moved = data ? parseMovedAnchors(data) : new Map<string, string>();

function follow() {
	if (!moved.size || !location.hash) return;
	const target = movedAnchorTarget(moved, location.hash);
	if (target === undefined) return;
	const url = new URL(target, location.href);
	// The map is written by the build, but a page never sends a reader to another site.
	if (url.origin === location.origin && url.href !== location.href) location.replace(url.href);
}

follow();
addEventListener('hashchange', follow);
