// Personal data in free text, as a teamlid and a coördinator meet it: a
// BSN is refused at its field and what was typed stays; a phone number is
// saved only once the writer confirms it is no client's; and the
// coördinator removes a client's name that slipped through, after which
// the page no longer shows it. Survey results wait until a month is
// closed. Each project records its own lesson.
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

const MEMBER = 'teamlid.jeugd-oosterpark@demo.wijkwijs.nl';
const COORDINATOR = 'coordinator.jeugd-oosterpark@demo.wijkwijs.nl';
const TEAM = 'Jeugd Oosterpark';

test('a BSN is refused, a phone number needs a confirmation, and the coördinator removes a name', async ({ page }, testInfo) => {
  const title = `Bereikbaarheid (${jsEnabled(testInfo) ? 'js' : 'nojs'})`;
  await login(page, testInfo, MEMBER, '/account');
  await page.getByRole('link', { name: TEAM, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEAM })).toBeVisible();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Lessen');
  await page.getByRole('link', { name: 'Nieuwe les vastleggen' }).click();
  await ready(page, testInfo);

  await page.getByLabel('Bron').selectOption('intervisie');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Wat er gebeurde').fill('Jan Jansen (BSN 123456782) belde drie keer.');
  await page.getByLabel('Wat werkte').fill('Eén vast aanspreekpunt.');
  await page.getByLabel('Wat daarvoor nodig is').fill('Een gedeelde agenda.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Deze tekst bevat een burgerservicenummer.', { exact: false })).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Wat werkte')).toHaveValue('Eén vast aanspreekpunt.');
  // No confirmation is offered for a BSN.
  await expect(page.getByLabel(/Ik heb gecontroleerd/)).toHaveCount(0);

  await page.getByLabel('Wat er gebeurde').fill('Jan Jansen belde drie keer, steeds van 06-12345678.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Deze tekst lijkt een telefoonnummer te bevatten.', { exact: false })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel(/Ik heb gecontroleerd/).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/lessen\/\d+$/);
  const lessonPath = new URL(page.url()).pathname;
  await ready(page, testInfo);
  // A teamlid cannot remove passages.
  await expect(page.getByText('Persoonsgegevens verwijderen')).toHaveCount(0);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);

  await login(page, testInfo, COORDINATOR, lessonPath);
  await expect(page.getByText('Jan Jansen belde drie keer').first()).toBeVisible();
  await page.getByText('Persoonsgegevens verwijderen').click();
  await page.getByLabel('Tekst die weg moet').fill('Piet Pietersen');
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText('Deze tekst komt er niet in voor.', { exact: false })).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Tekst die weg moet')).toHaveValue('Piet Pietersen');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Tekst die weg moet').fill('Jan Jansen');
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText('[verwijderd] belde drie keer').first()).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByText('Jan Jansen')).toHaveCount(0);
});
