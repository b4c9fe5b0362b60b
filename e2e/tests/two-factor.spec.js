// Two-factor login in the browser: turn it on from the account page (QR
// code and secret, confirmed with a code), then log in with password and
// code. Each project enrols its own account, as they share one database.
const { totp } = require('./totp');
const { test, expect, visit, ready, expectAccessible, jsEnabled, login, DEMO_PASSWORD } = require('./support');

test('a teamlid turns on two-factor login and logs in with a code', async ({ page }, testInfo) => {
  const email = jsEnabled(testInfo)
    ? 'teamlid.ouderen-elinkwijk@demo.wijkwijs.nl'
    : 'teamlid.ouderen-geuzenwijk@demo.wijkwijs.nl';
  await login(page, testInfo, email, '/account');
  await expect(page.getByText('Inloggen in twee stappen staat uit.')).toBeVisible();
  await page.getByRole('button', { name: 'Inloggen in twee stappen aanzetten' }).click();

  const qr = page.getByRole('img', { name: /QR-code met de geheime sleutel/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const secret = (await page.locator('code.secret').textContent()).trim();
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);

  await page.getByLabel('Code').fill('000000' === totp(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
  await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
  await ready(page, testInfo);

  await page.getByLabel('Code').fill(totp(secret));
  await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
  await expect(page.getByText('Inloggen in twee stappen staat aan.')).toBeVisible();
  await expect(page.locator('code.secret')).toHaveCount(0);
  await ready(page, testInfo);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen\/tweede-stap/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  // The enrolment code is spent; the next step's code is valid now too.
  await page.getByLabel('Code').fill(totp(secret, 1));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Without a page to return to, a member lands on their own team.
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await ready(page, testInfo);
  await expect(page.getByRole('link', { name: /^Ingelogd als / })).toBeVisible();
});
