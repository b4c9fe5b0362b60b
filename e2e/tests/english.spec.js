// The main flows once in English: a browser that asks for English gets it,
// the switch in the header changes it (before login, so the demo accounts
// other tests share keep no choice of their own), and a teamlid logs in,
// lands on their team, records a month with a refused field on the way,
// and reads the insight pages — every text, month and number in English.
const { test, expect, ready, expectAccessible, visit, jsEnabled, DEMO_PASSWORD } = require('./support');

test.describe('a browser asking for English', () => {
  test.use({ locale: 'en-GB' });

  test('gets the login page in English and can switch to Dutch', async ({ page }, testInfo) => {
    await visit(page, testInfo, '/inloggen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeVisible();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await ready(page, testInfo);
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByLabel('E-mailadres')).toBeVisible();
    await expectAccessible(page, testInfo);
  });
});

test('a teamlid records a month and reads the network in English', async ({ page }, testInfo) => {
  // Each project records for its own team (they share one database).
  const [team, slug] = jsEnabled(testInfo)
    ? ['Ouderen Kanaleneiland', 'ouderen-kanaleneiland']
    : ['Ouderen Vinkhuizen', 'ouderen-vinkhuizen'];
  await visit(page, testInfo, '/inloggen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'English' }).click();
  await ready(page, testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email address').fill(`teamlid.${slug}@demo.wijkwijs.nl`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await ready(page, testInfo);
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: team })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My team' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections of the team' }).getByRole('link', { name: 'Overview', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, testInfo);

  await page.getByRole('link', { name: 'Enter results for a month' }).click();
  await ready(page, testInfo);
  await page.getByLabel('Month', { exact: true }).fill('2026-10');
  await page.getByLabel('Clients whose help started').fill('11');
  await page.getByLabel('Average waiting time until the start (days)').fill('nine');
  await page.getByLabel('Clients whose help ended').fill('10');
  await page.getByLabel('Of these: continuing without help').fill('8');
  await page.getByLabel('Number of client responses').fill('10');
  await page.getByLabel('Average client rating (1–10)').fill('7.5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a number, such as 12.5.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Clients whose help started')).toHaveValue('11');
  await expectAccessible(page, testInfo);

  await page.getByLabel('Average waiting time until the start (days)').fill('9.5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Correct results: Oct 2026' })).toBeVisible();
  await ready(page, testInfo);
  // Numbers are written the English way.
  await expect(page.getByLabel('Average waiting time until the start (days)')).toHaveValue('9.5');
  await expectAccessible(page, testInfo);

  await page.getByRole('link', { name: `Back to ${team}` }).click();
  await ready(page, testInfo);
  const tiles = page.getByRole('list', { name: 'Headline figures for Oct 2026' });
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Waiting time' })).toContainText('9.5');

  for (const [link, heading] of [['What works', 'What works'], ['Compare', 'Compare teams and neighbourhoods']]) {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: link }).click();
    await ready(page, testInfo);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page, testInfo);
  }
});
