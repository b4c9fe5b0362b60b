// Logging in and out: anonymous visitors land on the login page, a wrong
// password gets a Dutch message with the e-mail address kept, a right one
// leads back to the page asked for, and logging out ends the session.
const { test, expect, visit, ready, expectAccessible, login, TEAMLID } = require('./support');

test('an anonymous visitor is sent to the login page and back after logging in', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen\?volgende=%2F$|\/inloggen\?volgende=\/$/);
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expectAccessible(page, testInfo);
  await login(page, testInfo, TEAMLID, '/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  await expect(page.getByText(TEAMLID)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jeugd Zuilen' })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('a wrong password is refused in Dutch and keeps the e-mail address', async ({ page }, testInfo) => {
  await visit(page, testInfo, '/inloggen');
  await page.getByLabel('E-mailadres').fill('coordinator.jeugd-ondiep@demo.wijkwijs.nl');
  await page.getByLabel('Wachtwoord').fill('dit is het niet');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('horen niet bij elkaar');
  await ready(page, testInfo);
  await expect(page.getByLabel('E-mailadres')).toHaveValue('coordinator.jeugd-ondiep@demo.wijkwijs.nl');
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
  await expect(page.getByRole('link', { name: /^Ingelogd als / })).toHaveCount(0);
  await expectAccessible(page, testInfo);
});

test('an empty form gets a message next to each field', async ({ page }, testInfo) => {
  await visit(page, testInfo, '/inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul uw e-mailadres in.')).toBeVisible();
  await expect(page.getByText('Vul uw wachtwoord in.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, testInfo);
});

test('logging out ends the session', async ({ page }, testInfo) => {
  await login(page, testInfo);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);
  await expect(page.getByRole('link', { name: /^Ingelogd als / })).toHaveCount(0);
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen\?volgende=/);
});
