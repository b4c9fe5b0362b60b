// A teamlid records a collaboration agreement and a new version of it;
// the history keeps both; a member of another team reads it without the
// edit form and adopts it as a concept agreement of their own team.
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

test('a teamlid records an agreement and a new version', async ({ page }, testInfo) => {
  const title = `Vaste belronde op maandag (${jsEnabled(testInfo) ? 'js' : 'nojs'})`;
  await login(page, testInfo, 'teamlid.jeugd-ondiep@demo.wijkwijs.nl', '/account');
  await page.getByRole('link', { name: 'Jeugd Ondiep' }).click();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Afspraken');
  await page.getByRole('link', { name: 'Nieuwe afspraak vastleggen' }).click();
  await ready(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe afspraak vastleggen' })).toBeVisible();
  await expectAccessible(page, testInfo);

  await page.getByLabel('Thema').selectOption('communicatie');
  await page.getByLabel('Tekst van de afspraak').fill('Elke maandag om negen uur bellen we de lopende aanmeldingen door.');
  await page.getByLabel('Status').selectOption('actief');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await expect(page.getByText('Een actieve afspraak heeft een ingangsdatum.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Tekst van de afspraak')).toHaveValue(/Elke maandag om negen uur/);

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Geldt vanaf').fill('2026-12-01');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/afspraken\/\d+$/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const history = page.getByRole('table', { name: 'Alle versies, nieuwste eerst' });
  await expect(history.getByRole('row')).toHaveCount(2);

  await page.getByLabel('Titel').fill(`${title}, ook in de vakantie`);
  await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook in de vakantie` })).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('cell', { name: title, exact: true })).toBeVisible();
  const url = page.url();
  await ready(page, testInfo);

  // Another team's member reads it without a form.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', new URL(url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook in de vakantie` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nieuwe versie opslaan' })).toHaveCount(0);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await expect(page.getByText('Namens Jeugd Zuilen')).toBeVisible();
  await page.getByRole('button', { name: 'Overnemen als conceptafspraak' }).click();
  await expect(page).toHaveURL(/\/afspraken\/\d+$/);
  await expect(page).not.toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook in de vakantie` })).toBeVisible();
  await expect(page.getByText('Overgenomen uit de afspraak')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Terug naar Jeugd Zuilen' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Concept' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Communicatie' })).toBeVisible();
  await ready(page, testInfo);
  // The source lists the adopting team, linking to its copy.
  const copy = new URL(page.url()).pathname;
  await page.getByRole('link', { name: `${title}, ook in de vakantie` }).click();
  await expect(page).toHaveURL((address) => address.pathname === new URL(url).pathname);
  await expect(page.getByRole('link', { name: 'Jeugd Zuilen', exact: true })).toHaveAttribute('href', copy);
});
