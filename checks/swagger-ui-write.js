// A check in a real browser that the Swagger UI can write (browsers send Origin on same-origin POSTs too, and
// digest.cors.write-origins must not refuse them): Basic sign-in through "Authorize", then "Try it out" on
// POST /api/v1/topics. Not part of CI (it needs Chromium). Run, with the packaged app on port 8090 started as
//   DIGEST_DATA_DIR=/tmp/swagger-check DIGEST_EDITOR_PASSWORD=swagger-check-pass-1 \
//     java -Dquarkus.http.port=8090 -jar target/quarkus-app/quarkus-run.jar
// and Chromium (Debian package chromium) plus playwright-core (npm) installed:
//   NODE_PATH=<folder>/node_modules node checks/swagger-ui-write.js
// It prints the status (201 expected), the body and the Origin header the browser sent.
const { chromium } = require('playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const sent = [];
  page.on('requestfinished', async r => { if (r.url().includes('/api/v1/topics') && r.method() === 'POST') sent.push(await r.allHeaders()); });
  await page.goto('http://localhost:8090/q/swagger-ui/', { waitUntil: 'networkidle' });
  await page.click('button.authorize');
  const basic = page.locator('.auth-container').filter({ hasText: 'basic' }).first();
  await basic.locator('input[type=text]').first().fill('editor');
  await basic.locator('input[type=password]').first().fill('swagger-check-pass-1');
  await basic.locator('button.authorize').first().click();
  await page.click('button.btn-done');
  const op = page.locator('#operations-Topics-createTopic');
  await op.locator('.opblock-summary').click();
  await op.locator('button.try-out__btn').click();
  const name = 'Browser check ' + Date.now();
  await op.locator('textarea.body-param__text').fill(JSON.stringify({ name, description: 'made from the Swagger UI' }));
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  console.log('status:', (await status.innerText()).trim());
  console.log('body:', (await op.locator('.live-responses-table .response-col_description pre').first().innerText()).slice(0, 300));
  console.log('request Origin header:', sent.map(h => h.origin));
    await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
