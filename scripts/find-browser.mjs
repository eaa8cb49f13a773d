#!/usr/bin/env node
/**
 * Finds a Chromium-family browser for the build (Mermaid renders in it) and the tests, in order:
 *   1. $CHROME_PATH
 *   2. a system Chrome/Chromium on PATH or in the usual install places
 *   3. Playwright's browser cache (~/.cache/ms-playwright or $PLAYWRIGHT_BROWSERS_PATH)
 * If none is found it installs Debian's own (`apt-get install chromium fonts-liberation`) when
 * running as root on Debian/Ubuntu; it never downloads a browser of its own (Playwright's installer
 * reaches a CDN that locked-down machines cannot). Otherwise it stops and says how to install one.
 *
 * CLI: `node scripts/find-browser.mjs` prints the path (installing if needed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SYSTEM_PATHS = {
	linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'],
	darwin: [
		'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
		'/Applications/Chromium.app/Contents/MacOS/Chromium',
	],
	win32: [
		join(process.env['PROGRAMFILES'] ?? 'C:\\Program Files', 'Google/Chrome/Application/chrome.exe'),
		join(process.env['LOCALAPPDATA'] ?? '', 'Google/Chrome/Application/chrome.exe'),
	],
};

const log = (message) => process.stderr.write(`[browser] ${message}\n`);

function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Debian's /usr/bin/chromium is a shell wrapper; it and a real binary both work with Playwright. */
function works(path) {
	const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
	return result.status === 0;
}

function fromPath() {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		for (const name of SYSTEM_NAMES) {
			const candidate = join(dir, name);
			if (isExecutable(candidate)) return candidate;
		}
	}
	return undefined;
}

function fromPlaywrightCache() {
	const cache =
		process.env.PLAYWRIGHT_BROWSERS_PATH ||
		(platform() === 'darwin'
			? join(homedir(), 'Library/Caches/ms-playwright')
			: platform() === 'win32'
				? join(process.env.LOCALAPPDATA ?? '', 'ms-playwright')
				: join(homedir(), '.cache/ms-playwright'));
	if (!existsSync(cache)) return undefined;
	const dirs = readdirSync(cache)
		.filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
		.sort()
		.reverse();
	const inner = [
		'chrome-linux64/chrome',
		'chrome-linux/chrome',
		'chrome-headless-shell-linux64/chrome-headless-shell',
		'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
		'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
		'chrome-win64/chrome.exe',
		'chrome-win/chrome.exe',
	];
	for (const dir of dirs) {
		for (const rel of inner) {
			const candidate = join(cache, dir, rel);
			if (existsSync(candidate)) return candidate;
		}
	}
	return undefined;
}

/** Returns a working browser path without installing anything, or undefined. */
function findBrowser() {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv) && works(fromEnv)) return fromEnv;
		throw new Error(`CHROME_PATH is set to "${fromEnv}", but no working browser is there. Fix or unset CHROME_PATH.`);
	}
	const candidates = [fromPath(), ...(SYSTEM_PATHS[platform()] ?? []), fromPlaywrightCache()];
	return candidates.find((c) => c && existsSync(c) && works(c));
}

function tryApt() {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (platform() !== 'linux' || !isRoot || !existsSync('/usr/bin/apt-get')) return false;
	log('installing Debian/Ubuntu packages: apt-get install chromium fonts-liberation…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
			stdio: 'inherit',
			env,
		});
		return true;
	} catch {
		return false;
	}
}

const HOW_TO = `No Chrome or Chromium browser was found, and installing one failed.
Install one of these, then run the command again:
  - Debian/Ubuntu:  sudo apt-get install chromium fonts-liberation
  - macOS/Windows:  install Google Chrome
  - anywhere with internet:  npx playwright install chromium
or point CHROME_PATH at an existing Chrome/Chromium binary.`;

/** Returns a browser path, installing one if none is found; throws with instructions otherwise. */
export function ensureBrowser() {
	const found = findBrowser();
	if (found) return found;
	const installed = tryApt();
	const after = installed ? findBrowser() : undefined;
	if (after) {
		log(`installed: ${after}`);
		return after;
	}
	throw new Error(HOW_TO);
}

/** Flags that keep headless Chromium quiet and offline on locked-down machines. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--metrics-recording-only',
	'--mute-audio',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	try {
		console.log(ensureBrowser());
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}
