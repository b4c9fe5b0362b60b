// The network overview and a team's space: open the overview, follow a link
// into a Zuilen Ondiep team, and open its agreements and results.
const { test, expect, visit, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

test('the overview lists gemeenten, wijken and teams with headline figures', async ({ page }, testInfo) => {
  await login(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page).toHaveTitle('Netwerkoverzicht · Wijkwijs');
  await expect(page.getByRole('heading', { level: 1, name: 'Netwerkoverzicht' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Gemeente Utrecht/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Gemeente Groningen/ })).toBeVisible();

  const zo = page.getByRole('table', { name: /teams in Zuilen Ondiep/ });
  await expect(zo.getByRole('row')).toHaveCount(1 + 7);
  await expect(zo.getByRole('rowheader')).toHaveText([
    'Jeugd Ondiep', 'Jeugd Zuilen', 'Ouderen Elinkwijk', 'Ouderen Geuzenwijk',
    'Ouderen Lauwerecht', 'Ouderen Ondiep', 'Ouderen Schaakbuurt',
  ]);
  await expect(zo.getByRole('cell', { name: 'Jeugd', exact: true })).toHaveCount(2);
  await expect(zo.getByRole('cell', { name: 'Ouderen', exact: true })).toHaveCount(5);
  await expect(zo.getByRole('cell', { name: 'okt 2026', exact: true })).toHaveCount(7);
});

test('a team page shows its agreements by theme and its recent results', async ({ page }, testInfo) => {
  await login(page, testInfo);
  await page
    .getByRole('table', { name: /teams in Zuilen Ondiep/ })
    .getByRole('link', { name: 'Jeugd Zuilen' })
    .click();
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Jeugd Zuilen' })).toBeVisible();
  await expect(page).toHaveTitle('Jeugd Zuilen · Wijkwijs');
  await expectAccessible(page, testInfo);

  // Each part of the team's space is a page of its own.
  await openTeamPart(page, testInfo, 'Afspraken');
  await expect(page).toHaveURL(/\/teams\/\d+\/afspraken$/);
  await expect(page).toHaveTitle('Afspraken – Jeugd Zuilen · Wijkwijs');
  await expectAccessible(page, testInfo);
  const agreements = page.locator('section[aria-labelledby="afspraken"]');
  await expect(agreements.getByRole('heading', { level: 2, name: 'Samenwerkingsafspraken' })).toBeVisible();
  expect(await agreements.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
  expect(await agreements.getByRole('listitem').count()).toBeGreaterThan(0);
  await expect(agreements.getByText(/^Status: (Actief|Concept|Beëindigd)$/).first()).toBeVisible();

  await openTeamPart(page, testInfo, 'Resultaten');
  await expectAccessible(page, testInfo);
  const results = page.getByRole('table', { name: 'Resultaten van de laatste 12 maanden' });
  await expect(results.getByRole('row')).toHaveCount(1 + 12);
  await expect(results.getByRole('rowheader').first()).toHaveText('okt 2026');
  await expect(results.getByRole('rowheader').last()).toHaveText('nov 2025');
  await expect(page.getByText('Zuilen Ondiep', { exact: false }).first()).toBeVisible();
});

test('an unknown team and an unknown page answer 404 in Dutch', async ({ page }, testInfo) => {
  await login(page, testInfo);
  const team = await page.goto('/teams/999999');
  expect(team.status()).toBe(404);
  await ready(page, testInfo);
  await expect(page.getByRole('alert')).toContainText('bestaat niet');
  await expectAccessible(page, testInfo);

  const missing = await page.goto('/bestaat-niet');
  expect(missing.status()).toBe(404);
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('the accessibility statement is reachable from every page, also logged out', async ({ page }, testInfo) => {
  await visit(page, testInfo, '/inloggen');
  await page.getByRole('link', { name: 'Toegankelijkheid' }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
  // The parts of the model statement of digitoegankelijk.nl.
  for (const part of ['Nalevingsstatus', 'Hoe is dit getoetst', 'Bekende beperkingen', 'Drempel gevonden?']) {
    await expect(page.getByRole('region', { name: part })).toBeVisible();
  }
  await expect(page.getByText(/opgesteld op \d+ \w+ \d{4}/)).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('the skip link leads keyboard users to the content', async ({ page }, testInfo) => {
  await visit(page, testInfo, '/inloggen');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#inhoud$/);
  if (jsEnabled(testInfo)) {
    // The bundle must not have replaced the server-rendered skip link target.
    await expect(page.locator('main#inhoud')).toHaveCount(1);
  }
});

test('the browser bundle is sent precompressed, brotli where accepted', async ({ request }) => {
  for (const [accepted, expected] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
    const reply = await request.get('/pkg/wijkwijs_bg.wasm', { headers: { 'accept-encoding': accepted } });
    expect(reply.status()).toBe(200);
    expect(reply.headers()['content-encoding']).toBe(expected);
    expect(reply.headers()['content-type']).toBe('application/wasm');
  }
  // The theme, the stylesheet and the icon every page links to are there.
  for (const [file, type] of [['themes/voorbeeld.css', 'text/css'], ['wijkwijs.css', 'text/css'], ['favicon.svg', 'image/svg+xml']]) {
    const reply = await request.get(`/pkg/${file}`);
    expect(reply.status(), file).toBe(200);
    expect(reply.headers()['content-type'], file).toContain(type);
  }
});
