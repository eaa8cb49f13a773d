import { chromium } from '@playwright/test';
const [,, path, out, theme='dark', width='1280', full='0'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
await page.goto('http://127.0.0.1:4330' + path);
await page.screenshot({ path: out, fullPage: full === '1' });
await browser.close();
