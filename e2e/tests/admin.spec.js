// Beheer in the browser: a beheerder must turn on two-factor login before
// the admin screens open; then creates an account whose one-time link lets
// the newcomer choose a password and log in. Refused requests get a Dutch
// answer and change nothing.
const { test, expect, visit, ready, expectAccessible, jsEnabled, login } = require('./support');
const { totp } = require('./totp');

const E2E_PASSWORD = 'Wijkwijs-e2e-beheer-2026';

test('a beheerder turns on two-factor login, creates an account, and the newcomer sets it up', async ({ page, browser }, testInfo) => {
  const project = jsEnabled(testInfo) ? 'js' : 'nojs';
  const email = `e2e-beheerder-${project}@demo.wijkwijs.nl`;
  await login(page, testInfo, email, '/beheer', E2E_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('Zet eerst inloggen in twee stappen aan');
  await expectAccessible(page, testInfo);

  await page.goto('/account');
  await ready(page, testInfo);
  await page.getByRole('button', { name: 'Inloggen in twee stappen aanzetten' }).click();
  const secret = (await page.locator('code.secret').textContent()).trim();
  await ready(page, testInfo);
  await page.getByLabel('Code').fill(totp(secret));
  await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
  await expect(page.getByText('Inloggen in twee stappen staat aan.')).toBeVisible();

  await page.goto('/beheer');
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
  await expectAccessible(page, testInfo);

  // Bad input: messages at the fields, input kept, nothing created.
  await page.getByLabel('Naam').fill(`Nieuwe Collega ${project}`);
  await page.getByLabel('E-mailadres').fill('iemand@wijk');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.getByText('Vul een geldig e-mailadres in')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Naam')).toHaveValue(`Nieuwe Collega ${project}`);
  await expect(page.getByRole('link', { name: `Nieuwe Collega ${project}` })).toHaveCount(0);

  const newcomer = `nieuwe.collega.${project}@wijk.nl`;
  await page.getByLabel('E-mailadres').fill(newcomer);
  await page.getByLabel('Rol').selectOption('professional');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  const link = page.locator('code.setup-link');
  await expect(link).toBeVisible();
  const setupPath = (await link.textContent()).trim();
  expect(setupPath).toMatch(/^\/account\/instellen\/[0-9a-f]{64}$/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  // The newcomer, in a browser of their own.
  const context = await browser.newContext({ javaScriptEnabled: jsEnabled(testInfo) });
  const other = await context.newPage();
  await other.goto(setupPath);
  await ready(other, testInfo);
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
  await other.getByLabel('Herhaal het wachtwoord').fill('kort');
  await other.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(other.getByText('Kies een wachtwoord van minstens 12 tekens.')).toBeVisible();
  await ready(other, testInfo);
  await other.getByLabel('Nieuw wachtwoord', { exact: true }).fill('thee met de wijkverpleging');
  await other.getByLabel('Herhaal het wachtwoord').fill('thee met de wijkverpleging');
  await other.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(other.getByText('Uw wachtwoord is ingesteld')).toBeVisible();
  await ready(other, testInfo);
  await login(other, testInfo, newcomer, '/account', 'thee met de wijkverpleging');
  await expect(other.getByText(newcomer)).toBeVisible();
  await context.close();

  // The audit log shows what happened.
  await page.goto(`/beheer/auditlog?actor=${encodeURIComponent(email)}&action=account-aanmaken`);
  await ready(page, testInfo);
  await expect(page.getByRole('table', { name: /Gebeurtenissen/ }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page, testInfo);

  // The structure: a wrong CBS code is refused at the field, then fixed.
  await page.goto('/beheer/structuur');
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const name = `Amersfoort ${project}`;
  let section = page.locator('section#gemeente');
  await section.getByLabel('Naam').fill(name);
  await section.getByLabel('CBS-code').fill('GM307');
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul een CBS-gemeentecode in')).toBeVisible();
  await ready(page, testInfo);
  section = page.locator('section#gemeente');
  await expect(section.getByLabel('Naam')).toHaveValue(name);
  await section.getByLabel('CBS-code').fill(project === 'js' ? 'GM0307' : 'GM0308');
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('table', { name: 'Gemeenten' }).getByRole('rowheader', { name })).toBeVisible();
});

test('a teamlid cannot open the admin screens', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-ondiep@demo.wijkwijs.nl', '/');
  await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
  const response = await page.goto('/beheer');
  expect(response.status()).toBe(403);
  await ready(page, testInfo);
  await expect(page.getByRole('alert')).toContainText('geen toegang');
});

test('a form posted from another site is refused and changes nothing', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-ondiep@demo.wijkwijs.nl', '/');
  // A page on another origin that posts to Wijkwijs with the user's cookie.
  await page.route('http://elders.example/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="nl"><title>elders</title>
        <form method="post" action="${new URL('/api/account/logout', page.url()).href}">
        <button>Verstuur</button></form></html>`,
    }));
  await page.goto('http://elders.example/');
  await page.getByRole('button', { name: 'Verstuur' }).click();
  await expect(page.getByText('Dit verzoek komt niet van Wijkwijs zelf')).toBeVisible();
  // Still logged in: the cross-site logout did nothing.
  await page.goto('/account');
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
});
