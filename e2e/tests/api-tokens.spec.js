// A coördinator makes an API key for a registration system: it is shown
// once, works against /api/v1 with its use recorded, and stops working
// when revoked. Each project uses its own team's coördinator, as the
// projects share one database.
const { test, expect, ready, expectAccessible, jsEnabled } = require('./support');

test('a coördinator makes an API key, sees it once, uses it and revokes it', async ({ page, request }, testInfo) => {
  const [team, slug] = jsEnabled(testInfo)
    ? ['Ouderen Overvecht', 'ouderen-overvecht']
    : ['Ouderen Oosterpark', 'ouderen-oosterpark'];
  await page.goto('/inloggen');
  await ready(page, testInfo);
  await page.getByLabel('E-mailadres').fill(`coordinator.${slug}@demo.wijkwijs.nl`);
  await page.getByLabel('Wachtwoord').fill('Wijkwijs-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await ready(page, testInfo);

  await page.goto('/account');
  await ready(page, testInfo);
  await page.getByRole('link', { name: 'API-sleutels voor registratiesystemen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API-sleutels' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  // A name too long: the message beside the field, what was typed kept.
  const long = 'Koppeling '.repeat(9);
  await page.getByLabel('Naam', { exact: true }).fill(long);
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await ready(page, testInfo);
  await expect(page.locator('#veld-name-melding')).toContainText('Een naam heeft hoogstens 80 tekens');
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(long);

  await page.getByLabel('Naam', { exact: true }).fill('Koppeling Suite');
  await page.getByLabel('Voor', { exact: true }).selectOption({ label: team });
  await page.getByLabel('Mag', { exact: true }).selectOption({ label: 'Resultaten van het team aanleveren (en lezen)' });
  await page.getByRole('button', { name: 'Sleutel maken' }).click();
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { name: 'Nieuwe API-sleutel' })).toBeVisible();
  const token = (await page.locator('code.secret').textContent()).trim();
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(page, testInfo);

  const teams = await request.get('/api/v1/teams', { headers: { Authorization: `Bearer ${token}` } });
  expect(teams.status()).toBe(200);
  expect(teams.headers()['api-version']).toBe('1.0.0');
  expect((await teams.json()).some((t) => t.naam === team)).toBe(true);

  // Shown once: not again on the next visit, where its use is recorded.
  await page.goto('/api-sleutels');
  await ready(page, testInfo);
  await expect(page.locator('code.secret')).toHaveCount(0);
  const row = page.getByRole('table', { name: 'Uw API-sleutels' }).getByRole('row').filter({ hasText: 'Koppeling Suite' });
  await expect(row).toContainText('actief');
  await expect(row).not.toContainText('nooit');

  await page.getByRole('button', { name: 'Intrekken: Koppeling Suite' }).click();
  await ready(page, testInfo);
  await expect(page.getByRole('table', { name: 'Uw API-sleutels' }).getByRole('row').filter({ hasText: 'Koppeling Suite' })).toContainText('ingetrokken');
  const refused = await request.get('/api/v1/teams', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toBe('application/problem+json');
});
