// A coördinator manages the team's members from the team page; a teamlid
// of the same team sees no such controls.
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

test('a coördinator adds and removes a member', async ({ page }, testInfo) => {
  const team = jsEnabled(testInfo) ? 'Ouderen Lauwerecht' : 'Ouderen Schaakbuurt';
  const slug = team.toLowerCase().replace(' ', '-');
  await login(page, testInfo, `coordinator.${slug}@demo.wijkwijs.nl`, '/account');
  await page.getByRole('link', { name: team }).click();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Leden');
  await expect(page.getByRole('heading', { level: 3, name: 'Leden beheren' })).toBeVisible();
  await expectAccessible(page, testInfo);
  const members = page.getByRole('table', { name: 'Leden van het team' });
  const count = await members.getByRole('row').count();

  await page.getByLabel('E-mailadres').fill('niemand@wijk.nl');
  await page.getByLabel('Discipline').fill('Beleidsadviseur');
  await page.getByRole('button', { name: 'Lid toevoegen' }).click();
  await expect(page.getByText('Er is geen actief account met dit e-mailadres')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Discipline')).toHaveValue('Beleidsadviseur');

  await page.getByLabel('E-mailadres').fill('bestuurder@demo.wijkwijs.nl');
  await page.getByRole('button', { name: 'Lid toevoegen' }).click();
  await expect(members.getByRole('row')).toHaveCount(count + 1);
  await expect(members.getByRole('rowheader', { name: 'Demo Bestuurder' })).toBeVisible();
  await ready(page, testInfo);

  await page.getByRole('button', { name: 'Verwijder Demo Bestuurder uit het team' }).click();
  await expect(members.getByRole('row')).toHaveCount(count);
  await expect(members.getByRole('rowheader', { name: 'Demo Bestuurder' })).toHaveCount(0);
});

test('a teamlid sees the members but cannot manage them', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-lauwerecht@demo.wijkwijs.nl', '/account');
  await page.getByRole('link', { name: 'Ouderen Lauwerecht' }).click();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Leden');
  await expect(page.getByRole('table', { name: 'Leden van het team' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Leden beheren' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Verwijder / })).toHaveCount(0);
});
