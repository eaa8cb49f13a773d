/**
 * A Chromium driven the way DevTools' own "Preloading" panel watches a tab, so speculation-rules
 * prerendering stays on. Playwright and Puppeteer attach to the page target directly, and Chromium
 * then refuses to prerender (`PrerenderingDisabledByDevTools`); a session attached through the
 * tab target does not. The benchmark's "next page" figure (scripts/bench.mjs) and the prerender
 * browser test (tests/e2e/prerender.spec.ts) use this, so they see what a reader's Chrome does.
 *
 * `launchTab()` starts a headless Chromium with a fresh profile and returns a small client whose
 * `send` goes to the page the tab currently shows (after a prerendered page is activated, that is
 * the new page), `events` lists every event received, and `close` ends the browser.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';

/** Waits for Chromium to write the port it listens on (it picks a free one). */
async function devToolsPort(profile, browser) {
	for (let waited = 0; waited < 60_000; waited += 50) {
		if (browser.exitCode !== null)
			throw new Error(`Chromium exited (code ${browser.exitCode}) before DevTools was ready`);
		try {
			const [port] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
			if (port) return Number(port);
		} catch {
			// not written yet
		}
		await sleep(50);
	}
	throw new Error('Chromium did not open its DevTools port within a minute');
}

export async function launchTab() {
	const profile = mkdtempSync(join(tmpdir(), 'explainer-tab-'));
	const browser = spawn(
		ensureBrowser(),
		['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
		{ stdio: 'ignore' },
	);
	const port = await devToolsPort(profile, browser);
	const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
	// Node's own WebSocket (Node >= 22).
	const ws = new WebSocket(webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		ws.addEventListener('open', resolve, { once: true });
		ws.addEventListener('error', () => reject(new Error(`could not connect to Chromium at ${webSocketDebuggerUrl}`)), {
			once: true,
		});
	});
	let nextId = 0;
	const pending = new Map();
	/** targetId -> { sessionId, info } for every page target attached through the tab. */
	const pages = new Map();
	const events = [];
	const waiters = new Set();
	ws.addEventListener('message', ({ data }) => {
		const msg = JSON.parse(String(data));
		if (msg.id !== undefined) {
			const call = pending.get(msg.id);
			pending.delete(msg.id);
			if (msg.error) call?.reject(new Error(`${call.method}: ${msg.error.message}`));
			else call?.resolve(msg.result);
			return;
		}
		const { method, params } = msg;
		if (method === 'Target.attachedToTarget')
			pages.set(params.targetInfo.targetId, { sessionId: params.sessionId, info: params.targetInfo });
		else if (method === 'Target.targetInfoChanged' && pages.has(params.targetInfo.targetId))
			pages.get(params.targetInfo.targetId).info = params.targetInfo;
		else if (method === 'Target.detachedFromTarget')
			for (const [id, page] of pages) if (page.sessionId === params.sessionId) pages.delete(id);
		events.push(msg);
		for (const waiter of waiters) waiter(msg);
	});
	/** Resolves with the next event `test` accepts. */
	const nextEvent = (test) =>
		new Promise((resolve) => {
			const waiter = (msg) => {
				if (!test(msg)) return;
				waiters.delete(waiter);
				resolve(msg);
			};
			waiters.add(waiter);
		});
	const call = (method, params = {}, sessionId) =>
		new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject, method });
			ws.send(JSON.stringify({ id, method, params, sessionId }));
		});
	/**
	 * The page the tab shows: the attached page target that is not a prerender, the latest one if
	 * the page a prerender replaced has not been detached yet (that event can come late on a busy machine).
	 */
	const shown = () => [...pages.values()].findLast((p) => p.info.type === 'page' && p.info.subtype !== 'prerender');
	const { targetInfos } = await call('Target.getTargets', { filter: [{ type: 'tab' }] });
	const tab = targetInfos.find((t) => t.type === 'tab');
	if (!tab) throw new Error('Chromium showed no tab to attach to');
	const { sessionId: tabSession } = await call('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
	// Target info changes (a prerender becoming the shown page) reach us as events.
	await call('Target.setDiscoverTargets', { discover: true, filter: [{ type: 'page' }] });
	await call(
		'Target.setAutoAttach',
		{ autoAttach: true, waitForDebuggerOnStart: false, flatten: true, filter: [{ type: 'page' }] },
		tabSession,
	);
	while (!shown()) await sleep(20);

	const refreshTargets = async () => {
		const { targetInfos: infos } = await call('Target.getTargets', { filter: [{ type: 'page' }] });
		for (const info of infos) if (pages.has(info.targetId)) pages.get(info.targetId).info = info;
	};

	/** The shown page's session; target infos are refreshed when no attached page claims to be shown. */
	const session = async () => {
		for (let tries = 0; !shown() && tries < 100; tries++) {
			await refreshTargets();
			if (!shown()) await sleep(50);
		}
		if (!shown()) throw new Error('the tab shows no page');
		return shown().sessionId;
	};

	const client = {
		events,
		/** A command to the page the tab shows now. */
		send: async (method, params) => call(method, params, await session()),
		/** A JavaScript expression's value in the page shown now (promises awaited). */
		evaluate: async (expression) => {
			const params = { expression, returnByValue: true, awaitPromise: true };
			// Right after a prerendered page is activated, the events saying which page the tab shows
			// may still be on their way (more so on a busy machine), and the page it replaced, frozen
			// in the back/forward cache, never answers: ask Chromium which page is shown, then retry.
			const attempt = async (tries) => {
				try {
					return await Promise.race([
						call('Runtime.evaluate', params, await session()),
						sleep(3000).then(() => Promise.reject(new Error(`no answer to ${expression}`))),
					]);
				} catch (error) {
					if (tries <= 1) throw error;
					await refreshTargets();
					return attempt(tries - 1);
				}
			};
			const { result, exceptionDetails } = await attempt(4);
			if (exceptionDetails)
				throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
			return result.value;
		},
		/** Resolves with the first event (already received or to come) `test` accepts. */
		waitForEvent: async (test) => events.find(test) ?? nextEvent(test),
		/** Opens `url` in the tab and waits for its load event. */
		goto: async (url) => {
			await client.send('Page.enable');
			const loaded = nextEvent((msg) => msg.method === 'Page.loadEventFired');
			await client.send('Page.navigate', { url });
			await loaded;
		},
		/** Moves the pointer to the centre of the first element matching `selector`; returns that point. */
		hover: async (selector) => {
			const [x, y] = await client.evaluate(`(() => {
				const el = document.querySelector(${JSON.stringify(selector)});
				el.scrollIntoView({ block: 'center' });
				const r = el.getBoundingClientRect();
				return [r.x + r.width / 2, r.y + r.height / 2];
			})()`);
			await client.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
			return { x, y };
		},
		/** A left click (press and release) at a point. */
		click: async ({ x, y }) => {
			await client.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
			await client.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
		},
		close: async () => {
			await Promise.race([call('Browser.close').catch(() => undefined), sleep(2000)]);
			ws.close();
			browser.kill();
			await new Promise((resolve) => (browser.exitCode !== null ? resolve() : browser.once('exit', resolve)));
			rmSync(profile, { recursive: true, force: true });
		},
	};
	return client;
}
