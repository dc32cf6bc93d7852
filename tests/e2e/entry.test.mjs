// The editors' entry form, end to end: signing in with a token made by `karya token create`
// against the running server's database, a mistake refused before anything is sent, a good
// release saved and seen at once on the world map, with its provisional mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKarya, checkPage } from './harness.mjs';

const karya = useKarya();

// Today in WIB, as the form and the server count it: the form's default date.
const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const releaseCount = async () => (await karya.server.api('/shipments?limit=1')).total;

// Every request the page makes that writes a release.
function watchWrites(page) {
  const writes = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/api/v1/shipments')) writes.push(r.url()); });
  return writes;
}

async function signIn(page, token, query = '') {
  await page.goto(`${karya.server.url}/entry${query}`);
  await page.fill('[name=token]', token);
  await page.click('[data-action=sign-in]');
}

async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    const input = page.locator(`[data-entry-form] [name=${name}]`);
    if (name === 'provisional') await input.setChecked(value);
    else if (await input.evaluate((e) => e.tagName === 'SELECT')) await input.selectOption(value);
    else await input.fill(value);
  }
}

const good = {
  facility_id: 'lapas-cirebon', product_id: 'coco-shade', country: 'ES', quantity: '120',
  provisional: true, source_outlet: 'Antara', source_title: 'Ekspor coco shade ke Spanyol',
};

test('a bad token is refused with a reason, and nothing is written or kept', async () => {
  const before = await releaseCount();
  await checkPage(karya, async (page) => {
    const writes = watchWrites(page);
    await signIn(page, 'karya_0000000000000000_' + '0'.repeat(64));
    const error = page.locator('[data-sign-in-error]');
    await error.waitFor();
    assert.match(await error.textContent(), /tidak dikenal atau sudah dicabut/);
    assert.equal(await page.locator('[data-entry-form]').count(), 0, 'no form without a valid token');
    assert.equal(await page.locator('[data-signed-in]').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'a refused token is not kept');
    assert.doesNotMatch(page.url(), /karya_/, 'the token never goes into the address');
    assert.deepEqual(writes, []);
  }, { allowed: [/status of 401 .*\/api\/v1\/(session|shipments)\b/] });
  assert.equal(await releaseCount(), before);
});

test('a mistake is shown by its field in the current language, and nothing is sent', async () => {
  const token = karya.server.token('siti');
  const before = await releaseCount();
  await checkPage(karya, async (page) => {
    const writes = watchWrites(page);
    await signIn(page, token);
    assert.equal(await page.getAttribute('[data-signed-in]', 'data-signed-in'), 'siti');
    await page.waitForSelector('[data-entry-form] [name=facility_id] option[value=lapas-cirebon]', { state: 'attached' });
    // The unit comes from the product, beside the quantity.
    await fill(page, { ...good, quantity: '1.5', source_outlet: '' });
    assert.match(await page.textContent('[data-field=quantity] [data-unit]'), /buah/);
    await page.click('[data-action=save]');
    const quantity = page.locator('[data-field-error=quantity]');
    await quantity.waitFor();
    assert.match(await quantity.textContent(), /bilangan bulat/);
    assert.match(await page.textContent('[data-field-error=source_outlet]'), /sebutkan sumbernya/);
    assert.equal(await page.getAttribute('[data-entry-form] [name=quantity]', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('[data-entry-form] [name=quantity]', 'aria-describedby'), 'error-quantity');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'quantity', 'focus on the first wrong field');
    assert.equal(await page.locator('[data-entry-summary] li').count(), 2);
    // The same errors, in English when the language is switched.
    await page.click('[data-action=switch-language]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('[data-field-error=quantity]'), /whole numbers/);
    assert.match(await page.textContent('[data-field-error=source_outlet]'), /name the source/);
    assert.deepEqual(writes, [], 'nothing was sent');
    assert.equal(await page.evaluate(() => sessionStorage.length), 1, 'the good token is kept for the tab');
  });
  assert.equal(await releaseCount(), before, 'nothing was written');
});

test('a good release is saved, and the map shows it at once with its provisional mark', async () => {
  const token = karya.server.token('budi');
  const date = todayWib();
  const year = date.slice(0, 4);
  const destinations = await karya.server.api(`/destinations?from=${year}&to=${year}`);
  const before = destinations.countries.find((c) => c.country === 'ES')?.value ?? 0;
  const total = await releaseCount();
  await checkPage(karya, async (page) => {
    // The map first, so the app has answers kept for this year before the release is saved.
    await page.goto(`${karya.server.url}/map?from=${year}&to=${year}`);
    await page.waitForSelector('[data-summary=map]');
    await page.click('[data-nav=entry]');
    await page.fill('[name=token]', token);
    await page.click('[data-action=sign-in]');
    await page.waitForSelector('[data-entry-form] [name=country] option[value=ES]', { state: 'attached' });
    assert.equal(await page.inputValue('[data-entry-form] [name=date]'), date, 'the date defaults to today');
    await fill(page, good);
    await page.click('[data-action=save]');
    const saved = page.locator('[data-entry-saved]');
    await saved.waitFor();
    const id = await saved.getAttribute('data-shipment-id');
    assert.match(id, new RegExp(`^lapas-cirebon-${date.replaceAll('-', '')}-es-\\d+$`));
    assert.match(await saved.textContent(), /120 buah/);
    assert.equal(await saved.locator('[data-provisional]').count(), 1);

    // The API agrees.
    assert.equal(await releaseCount(), total + 1);
    const list = await karya.server.api(`/shipments?country=ES&from=${year}&to=${year}&limit=500`);
    const record = list.shipments.find((s) => s.id === id);
    assert.ok(record, 'the release is listed');
    assert.equal(record.provisional, true);
    assert.equal(record.quantity, 120);

    // The map of its year and country, reached from the confirmation without a reload.
    await page.click('[data-action=see-on-map]');
    await page.waitForURL(new RegExp(`/map\\?from=${year}&to=${year}.*focus=ES`));
    await page.waitForFunction((n) => Number(document.querySelector('svg.world-map [data-iso=ES][data-value]')?.dataset.value) === n,
      before + 1, { timeout: 20_000 });
    const after = await karya.server.api(`/destinations?from=${year}&to=${year}`);
    assert.equal(after.countries.find((c) => c.country === 'ES').value, before + 1);

    // The country panel lists it with the provisional mark.
    const item = page.locator(`[data-panel=ES] li[data-shipment="${id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('[data-provisional]').count(), 1);
    assert.match(await item.locator('[data-provisional]').textContent(), /Data sementara/);
    const others = await page.locator('[data-panel=ES] li:not([data-shipment="' + id + '"]) [data-provisional]').count();
    assert.equal(others, list.shipments.filter((s) => s.provisional && s.id !== id).length);

    // The map's table says the country's count holds a provisional figure.
    await page.click('[data-tab=table]');
    await page.waitForSelector('[data-table=destinations] tr[data-iso=ES]');
    assert.equal(await page.locator('[data-table=destinations] tr[data-iso=ES] [data-provisional]').count(), 1);

    // And so does the overview's list of latest releases, where it is the newest.
    await page.goto(`${karya.server.url}/?lang=en`);
    const row = page.locator(`[data-table=latest-releases] tr[data-shipment="${id}"]`);
    await row.waitFor();
    assert.match(await row.locator('[data-provisional]').textContent(), /Provisional/);
  });
});

test('a token revoked while signed in sends the editor back to sign in, with the reason', async () => {
  const token = karya.server.token('ani');
  const total = await releaseCount();
  await checkPage(karya, async (page) => {
    await signIn(page, token, '?lang=en');
    await page.waitForSelector('[data-entry-form] [name=country] option[value=ES]', { state: 'attached' });
    karya.server.revoke('ani');
    await fill(page, good);
    await page.click('[data-action=save]');
    const error = page.locator('[data-sign-in-error]');
    await error.waitFor();
    assert.match(await error.textContent(), /unknown or has been revoked/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'the revoked token is forgotten');
  }, { allowed: [/status of 401 .*\/api\/v1\/(session|shipments)\b/] });
  assert.equal(await releaseCount(), total);
});
