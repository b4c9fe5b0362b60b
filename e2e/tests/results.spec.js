// A teamlid corrects a month of results: bad input is refused at the
// fields and kept; the correction keeps the loaded figures as history.
const { test, expect, ready, expectAccessible, jsEnabled, login } = require('./support');

test('a teamlid corrects the latest month, sees its history and the tiles change', async ({ page }, testInfo) => {
  // Each project corrects its own team's latest month (they share one database).
  const [team, slug] = jsEnabled(testInfo)
    ? ['Jeugd Ondiep', 'jeugd-ondiep']
    : ['Jeugd Overvecht-Noord', 'jeugd-overvecht-noord'];
  const month = '2026-10';
  const label = 'okt 2026';
  await login(page, testInfo, `teamlid.${slug}@demo.wijkwijs.nl`, '/account');
  await page.getByRole('link', { name: team }).click();
  await ready(page, testInfo);
  await page.getByRole('link', { name: 'Resultaten van een maand invoeren' }).click();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel('Maand').fill(month);
  await page.getByLabel('Cliënten bij wie de hulp startte').fill('14');
  await page.getByLabel('Gemiddelde wachttijd tot de start (dagen)').fill('elf');
  await page.getByLabel('Cliënten bij wie de hulp eindigde').fill('12');
  await page.getByLabel('Van hen: verder zonder hulp').fill('13');
  await page.getByLabel('Aantal reacties van cliënten').fill('10');
  await page.getByLabel('Gemiddeld cijfer van cliënten (1–10)').fill('7,8');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul een getal in, zoals 12,5.')).toBeVisible();
  await expect(page.getByText('Kan niet meer zijn dan het aantal afgesloten cliënten (12).')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Cliënten bij wie de hulp startte')).toHaveValue('14');

  await page.getByLabel('Gemiddelde wachttijd tot de start (dagen)').fill('11,5');
  await page.getByLabel('Van hen: verder zonder hulp').fill('9');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Resultaten corrigeren: ${label}` })).toBeVisible();
  const history = page.getByRole('table', { name: 'Alle versies van deze maand, nieuwste eerst' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Verder zonder hulp: 75%')).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  // The team's headline tiles show the corrected month.
  await page.getByRole('link', { name: `Terug naar ${team}` }).click();
  await ready(page, testInfo);
  const tiles = page.getByRole('list', { name: `Kerncijfers van ${label}` });
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Verder zonder hulp' })).toContainText('75%');
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Wachttijd' })).toContainText('11,5');
  await expect(tiles.getByRole('listitem').filter({ hasText: 'Cijfer cliënten' })).toContainText('7,8');
  await expect(tiles.getByRole('listitem').first()).toContainText('sep 2026');
  // Two months prove nothing: the change is said in neutral words, and
  // only the run chart's verdict says improvement or concern.
  const wait = tiles.getByRole('listitem').filter({ hasText: 'Wachttijd' });
  await expect(wait).toContainText(/Grafiek: (gewone variatie|bijzondere variatie: (verbetering|zorg)|te weinig maanden)/);
  await expect(wait.locator('.tile-trend')).not.toContainText(/verbetering|verslechtering/);
});

test('a teamlid lands on their own team and records a month in three clicks', async ({ page }, testInfo) => {
  // Each project records for its own team (they share one database).
  const [team, slug] = jsEnabled(testInfo)
    ? ['Jeugd Vinkhuizen', 'jeugd-vinkhuizen']
    : ['Jeugd Overvecht-Zuid', 'jeugd-overvecht-zuid'];
  let clicks = 0;
  const click = async (locator) => {
    clicks += 1;
    await locator.click();
    await ready(page, testInfo);
  };
  await page.goto('/inloggen');
  await ready(page, testInfo);
  await page.getByLabel('E-mailadres').fill(`teamlid.${slug}@demo.wijkwijs.nl`);
  await page.getByLabel('Wachtwoord').fill('Wijkwijs-demo-2026');
  await click(page.getByRole('button', { name: 'Inloggen' }));
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: team })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn team' })).toBeVisible();

  await click(page.getByRole('link', { name: 'Resultaten van een maand invoeren' }));
  await page.getByLabel('Maand').fill('2026-09');
  await page.getByLabel('Cliënten bij wie de hulp startte').fill('10');
  await page.getByLabel('Gemiddelde wachttijd tot de start (dagen)').fill('12');
  await page.getByLabel('Cliënten bij wie de hulp eindigde').fill('10');
  await page.getByLabel('Van hen: verder zonder hulp').fill('7');
  await page.getByLabel('Aantal reacties van cliënten').fill('10');
  await page.getByLabel('Gemiddeld cijfer van cliënten (1–10)').fill('8');
  await click(page.getByRole('button', { name: 'Opslaan' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Resultaten corrigeren: sep 2026' })).toBeVisible();
  expect(clicks).toBeLessThanOrEqual(3);
  await expectAccessible(page, testInfo);
});
