import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const vp = process.argv[2] === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 720 };
const p = await b.newPage({ viewport: vp });
const logs: string[] = [];
p.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
p.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
p.on('request', r => { if (!r.url().startsWith('http://127.0.0.1')) logs.push('EXTERNAL ' + r.url()); });
const t0 = Date.now();
await p.goto('http://127.0.0.1:4173/');
await p.getByRole('heading', { name: 'Choose a scenario' }).waitFor({ timeout: 30000 });
console.log('menu in', Date.now() - t0);
await p.waitForTimeout(800);
await p.screenshot({ path: `/tmp/shots/menu-${process.argv[2]}.png` });
await p.getByRole('button', { name: /The blender/ }).click();
await p.getByRole('button', { name: 'Start conversation' }).waitFor();
await p.waitForTimeout(500);
await p.screenshot({ path: `/tmp/shots/brief-${process.argv[2]}.png` });
await p.getByRole('button', { name: 'Start conversation' }).click();
await p.locator('.reply').first().waitFor({ timeout: 20000 });
await p.waitForTimeout(1500);
await p.screenshot({ path: `/tmp/shots/convo-${process.argv[2]}.png` });
for (let i = 0; i < 10; i++) {
  const see = p.getByRole('button', { name: 'See your debrief' });
  if (await see.isVisible()) break;
  const r = p.locator('.reply').first();
  try { await r.waitFor({ timeout: 15000 }); } catch { continue; }
  await r.click();
  await p.waitForTimeout(300);
}
await p.getByRole('button', { name: 'See your debrief' }).waitFor({ timeout: 20000 });
await p.screenshot({ path: `/tmp/shots/ending-${process.argv[2]}.png` });
await p.getByRole('button', { name: 'See your debrief' }).click();
await p.getByText('Your choices').waitFor();
await p.waitForTimeout(800);
await p.screenshot({ path: `/tmp/shots/debrief-${process.argv[2]}.png`, fullPage: false });
console.log(logs.join('\n'));
await b.close();
