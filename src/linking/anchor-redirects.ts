/**
 * Sends a reader who follows an old #anchor (one that moved, per content/redirects.yaml) to where
 * that section lives now. The map for this page is in <script id="anchor-redirects"> (added by
 * route-middleware.ts only on pages that have moved anchors).
 */
function follow() {
	const data = document.getElementById('anchor-redirects')?.textContent;
	if (!data || !location.hash) return;
	const moved = JSON.parse(data) as Record<string, string>;
	const target = moved[decodeURIComponent(location.hash.slice(1))];
	if (target) location.replace(new URL(target, location.href).href);
}

follow();
addEventListener('hashchange', follow);
