// A teamlid records a lesson, a maatwerkcanvas, a knelpunt and answers the
// survey, meeting a bad input in each form; a member of another team reads
// them without forms, reacts to the lesson, finds it useful, adopts it and
// supports the knelpunt. The projects share one database, so every record
// carries the project in its title and the survey uses a team per project.
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

const MEMBER = 'teamlid.jeugd-ondiep@demo.wijkwijs.nl';
const OTHER = 'teamlid.jeugd-zuilen@demo.wijkwijs.nl';

function project(testInfo) {
  return jsEnabled(testInfo) ? 'js' : 'nojs';
}

async function logout(page, testInfo) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);
}

async function openOwnTeam(page, testInfo, team = 'Jeugd Ondiep') {
  await page.getByRole('link', { name: team, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: team })).toBeVisible();
  await ready(page, testInfo);
}

test('a lesson is recorded and edited, and another team reacts, endorses and adopts it', async ({ page }, testInfo) => {
  const title = `Samen op huisbezoek (${project(testInfo)})`;
  await login(page, testInfo, MEMBER, '/account');
  await openOwnTeam(page, testInfo);
  await openTeamPart(page, testInfo, 'Lessen');
  await page.getByRole('link', { name: 'Nieuwe les vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe les vastleggen' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel('Bron').selectOption('intervisie');
  await page.getByLabel('Wat er gebeurde').fill('Twee hulpverleners gingen los van elkaar op huisbezoek bij hetzelfde gezin.');
  await page.getByLabel('Wat werkte').fill('Samen gaan, met één gesprek en één plan.');
  await page.getByLabel('Wat daarvoor nodig is').fill('Agenda’s die op elkaar aansluiten.');
  await page.getByLabel('Trefwoorden').fill('Huisbezoek, regie');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Wat werkte')).toHaveValue('Samen gaan, met één gesprek en één plan.');

  await page.getByLabel('Titel').fill(title);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/lessen\/\d+$/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page.getByText('huisbezoek, regie')).toBeVisible();

  await page.getByLabel('Titel').fill(`${title}, ook bij ouderen`);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook bij ouderen` })).toBeVisible();
  const lessonPath = new URL(page.url()).pathname;
  await ready(page, testInfo);
  await logout(page, testInfo);

  // A member of another team: read-only, but reacts, endorses and adopts.
  await login(page, testInfo, OTHER, lessonPath);
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook bij ouderen` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les wijzigen' })).toHaveCount(0);
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await ready(page, testInfo);
  await page.getByLabel('Uw reactie').fill('Herkenbaar; dat gaan wij ook doen.');
  await page.getByRole('button', { name: 'Reageren' }).click();
  await expect(page.getByText('Herkenbaar; dat gaan wij ook doen.')).toBeVisible();
  await ready(page, testInfo);
  await page.getByRole('button', { name: 'Nuttig gevonden' }).click();
  await expect(page.getByText('Nuttig gevonden door: Jeugd Zuilen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nuttig gevonden' })).toHaveCount(0);
  await ready(page, testInfo);

  await page.getByRole('button', { name: 'Overnemen als conceptafspraak' }).click();
  await expect(page.getByText('Kies een thema voor de nieuwe afspraak.')).toBeVisible();
  await ready(page, testInfo);
  await page.getByLabel('Thema').selectOption('werkwijze');
  await page.getByRole('button', { name: 'Overnemen als conceptafspraak' }).click();
  await expect(page).toHaveURL(/\/afspraken\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: `${title}, ook bij ouderen` })).toBeVisible();
  await expect(page.getByText('Overgenomen uit de les')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Concept' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: `${title}, ook bij ouderen` }).click();
  await expect(page.getByRole('link', { name: 'Jeugd Zuilen', exact: true })).toBeVisible();
});

test('a maatwerkcanvas computes its saving; another team reads it only', async ({ page }, testInfo) => {
  const title = `Woning aanpassen in plaats van logeeropvang (${project(testInfo)})`;
  await login(page, testInfo, MEMBER, '/account');
  await openOwnTeam(page, testInfo);
  await openTeamPart(page, testInfo, 'Canvassen');
  await page.getByRole('link', { name: 'Nieuw maatwerkcanvas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw maatwerkcanvas' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Wat het gezin wil').fill('Dat hun zoon thuis kan blijven wonen.');
  await page.getByLabel('Wet', { exact: true }).selectOption('wmo');
  await page.getByLabel('Waarom de wet dit toestaat').fill('Woningaanpassing valt onder de Wmo.');
  const regular = page.getByRole('group', { name: 'Kosten van de gewone route' });
  await regular.getByLabel('Bedrag in euro').fill('-450');
  await regular.getByLabel('Eenmalig of per maand').selectOption('per-maand');
  await regular.getByLabel('Aantal maanden').fill('12');
  const tailored = page.getByRole('group', { name: 'Kosten van de maatwerkoplossing' });
  await tailored.getByLabel('Bedrag in euro').fill('1.200');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Een bedrag is 0 of meer.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Titel')).toHaveValue(title);
  await expect(regular.getByLabel('Aantal maanden')).toHaveValue('12');

  await regular.getByLabel('Bedrag in euro').fill('450');
  // With JavaScript the saving shows while typing; without, once saved.
  const live = page.getByRole('status');
  if (jsEnabled(testInfo)) {
    await expect(live).toHaveText('Besparing: € 4.200,00');
    await tailored.getByLabel('Bedrag in euro').fill('6.600');
    await expect(live).toHaveText('Meerkosten: € 1.200,00');
    await tailored.getByLabel('Bedrag in euro').fill('1.200');
    await expect(live).toHaveText('Besparing: € 4.200,00');
  } else {
    await expect(live).toHaveText('');
  }
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/canvassen\/\d+$/);
  // 12 × € 450 − € 1.200, computed by Wijkwijs.
  await expect(page.getByText('Besparing: € 4.200,00')).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const canvasPath = new URL(page.url()).pathname;
  await logout(page, testInfo);

  await login(page, testInfo, OTHER, canvasPath);
  await expect(page.getByText('Besparing: € 4.200,00')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Maatwerkcanvas wijzigen' })).toHaveCount(0);
});

test('a knelpunt is raised and another team supports it', async ({ page }, testInfo) => {
  const title = `Geen tijd voor het casusoverleg (${project(testInfo)})`;
  await login(page, testInfo, MEMBER, '/account');
  await openOwnTeam(page, testInfo);
  await openTeamPart(page, testInfo, 'Knelpunten');
  await page.getByRole('link', { name: 'Knelpunt melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Knelpunt melden' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Beschrijving').fill('Het overleg valt tijdens het spreekuur van de huisarts.');
  await page.getByRole('button', { name: 'Knelpunt melden' }).click();
  await expect(page.getByText('Kies een categorie.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Titel')).toHaveValue(title);
  await page.getByLabel('Categorie').selectOption('capaciteit');
  await page.getByRole('button', { name: 'Knelpunt melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Nieuw' })).toBeVisible();
  await expect(page.getByText('Nog geen antwoord.')).toBeVisible();
  // The own team does not support its own knelpunt.
  await expect(page.getByRole('button', { name: 'Dit knelpunt steunen' })).toHaveCount(0);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const path = new URL(page.url()).pathname;
  await logout(page, testInfo);

  await login(page, testInfo, OTHER, path);
  await page.getByRole('button', { name: 'Dit knelpunt steunen' }).click();
  await expect(page.getByText('Gesteund door: Jeugd Zuilen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dit knelpunt steunen' })).toHaveCount(0);
});

test('a teamlid answers the survey once; results wait for three answers', async ({ page }, testInfo) => {
  // Each project answers in its own team: one answer per member per month.
  const team = jsEnabled(testInfo) ? 'Ouderen Kanaleneiland' : 'Ouderen Vinkhuizen';
  const slug = team.toLowerCase().replace(' ', '-');
  await login(page, testInfo, `teamlid.${slug}@demo.wijkwijs.nl`, '/account');
  await openOwnTeam(page, testInfo, team);
  await expect(page.getByText('Cijfer professionals')).toBeVisible();
  await openTeamPart(page, testInfo, 'Resultaten');
  await page.getByRole('link', { name: 'Vragenlijst invullen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst samenwerking' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  const month = page.getByLabel('Over de maand');
  const label = await month.locator('option').first().textContent();
  await page.getByLabel('Rapportcijfer voor de samenwerking (1–10)').fill('11');
  await page.getByLabel('Ik weet wie ik moet bellen').selectOption('4');
  await page.getByLabel('Informatie komt op tijd bij de juiste persoon').selectOption('3');
  await page.getByLabel('We werken vanuit een gedeelde visie').selectOption('5');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByText('Vul een heel cijfer van 1 tot en met 10 in.')).toBeVisible();
  await expect(page.getByText('Kies een antwoord.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Ik weet wie ik moet bellen')).toHaveValue('4');

  await page.getByLabel('Rapportcijfer voor de samenwerking (1–10)').fill('8');
  await page.getByLabel('De hulpmiddelen werken').selectOption('2');
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByText(`U hebt al geantwoord over: ${label}`)).toBeVisible();
  await ready(page, testInfo);
  // The month answered is no longer offered; its one answer shows no means.
  await expect(page.getByLabel('Over de maand').locator('option', { hasText: label })).toHaveCount(0);
  const row = page.getByRole('table', { name: /Uitkomsten van de vragenlijst/ }).getByRole('row').filter({ hasText: label });
  await expect(row.getByRole('cell').first()).toHaveText('1');
  await expect(row.getByRole('cell').nth(1)).not.toContainText('8');
  await expectAccessible(page, testInfo);
});

test('a member of another team asks a question and the team answers', async ({ page }, testInfo) => {
  const question = `Hoe plannen jullie het casusoverleg? (${project(testInfo)})`;
  const answer = `Elke dinsdag om negen uur (${project(testInfo)})`;
  await login(page, testInfo, OTHER, '/account');
  await page.goto('/');
  await ready(page, testInfo);
  await page.getByRole('link', { name: 'Jeugd Ondiep', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jeugd Ondiep' })).toBeVisible();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Vragen');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await ready(page, testInfo);
  await page.getByLabel('Uw vraag aan dit team').fill(question);
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.getByText(question)).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await logout(page, testInfo);

  await login(page, testInfo, MEMBER, '/account');
  await openOwnTeam(page, testInfo);
  await openTeamPart(page, testInfo, 'Vragen');
  const thread = page.getByRole('region', { name: 'Gesprek met Jeugd Zuilen' });
  await expect(thread.getByText(question)).toBeVisible();
  await page.getByLabel('Antwoord aan').selectOption({ label: 'Jeugd Zuilen' });
  await page.getByLabel('Uw antwoord').fill(answer);
  await page.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByRole('region', { name: 'Gesprek met Jeugd Zuilen' }).getByText(answer)).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
});
