// What is new for a member: another team's question shows in the team's
// overview and as a count beside "Mijn team", until the member marks it
// all seen. Each project uses its own pair of teams (one shared database).
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

async function logout(page, testInfo) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);
}

async function openMyTeam(page, testInfo) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Mijn team/ }).click();
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  await ready(page, testInfo);
}

async function markAllSeen(page, testInfo) {
  await page.getByRole('button', { name: 'Alles gezien' }).click();
  await expect(page.getByText('Er is niets nieuws sinds uw vorige bezoek.')).toBeVisible();
  await ready(page, testInfo);
}

test('a question from another team is new until the member marks it seen', async ({ page }, testInfo) => {
  const [team, slug, asker] = jsEnabled(testInfo)
    ? ['Ouderen Overvecht', 'ouderen-overvecht', 'teamlid.ggz-oosterpark@demo.wijkwijs.nl']
    : ['Ouderen Oosterpark', 'ouderen-oosterpark', 'teamlid.jeugd-kanaleneiland@demo.wijkwijs.nl'];
  const member = `teamlid.${slug}@demo.wijkwijs.nl`;
  const question = `Wie belt de huisarts bij een opname? (${jsEnabled(testInfo) ? 'js' : 'nojs'})`;
  const news = page.getByRole('region', { name: 'Nieuw sinds uw vorige bezoek' });

  // Start from nothing new: the demo's recent records may be news too.
  await login(page, testInfo, member, '/account');
  await openMyTeam(page, testInfo);
  await expect(news).toBeVisible();
  if (await news.getByRole('button', { name: 'Alles gezien' }).count()) {
    await markAllSeen(page, testInfo);
  }
  await logout(page, testInfo);

  await login(page, testInfo, asker, '/');
  await page.getByRole('link', { name: team, exact: true }).click();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Vragen');
  await page.getByLabel('Uw vraag aan dit team').fill(question);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByText(question)).toBeVisible();
  await ready(page, testInfo);
  await logout(page, testInfo);

  await login(page, testInfo, member, '/account');
  const myTeam = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: /^Mijn team/ });
  await expect(myTeam).toHaveAccessibleName('Mijn team 1 nieuw');
  await openMyTeam(page, testInfo);
  await expect(news.getByRole('link', { name: /^Vraag van / })).toHaveCount(1);
  await expectAccessible(page, testInfo);
  await news.getByRole('link', { name: /^Vraag van / }).click();
  await ready(page, testInfo);
  await expect(page.getByText(question)).toBeVisible();

  await page.getByRole('navigation', { name: 'Onderdelen van het team' }).getByRole('link', { name: 'Overzicht' }).click();
  await ready(page, testInfo);
  await markAllSeen(page, testInfo);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn team', exact: true })).toBeVisible();
});
