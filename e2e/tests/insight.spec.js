// Looking beyond one team: a wijk page with its totals, charts and lessons,
// and Vergelijken with a funnel plot, chosen through a plain GET form.
const { test, expect, ready, expectAccessible, login } = require('./support');
const figures = require('./figures');

const MEASURES = {
  'Wachttijd (dagen)': 'wachttijd',
  'Verder zonder hulp': 'zonder-hulp',
  'Cijfer cliënten': 'cijfer',
  Uitval: 'uitval',
  'Doelen bereikt': 'doelrealisatie',
};

/** The cells of a table's body rows, as text. */
async function bodyRows(table) {
  const rows = [];
  for (const row of await table.locator('tbody tr').all()) {
    rows.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
  }
  return rows;
}

/** A shown figure matches the independently computed one (or both are hidden). */
function expectFigure(text, expected, measure, what) {
  const value = figures.readFigure(text);
  if (expected === null) {
    expect(value, what).toBeNull();
  } else {
    expect(value, what).not.toBeNull();
    expect(Math.abs(value - expected), `${what}: shown ${text}, computed ${expected}`).toBeLessThanOrEqual(figures.tolerance(measure));
  }
}

/** The chart behind an image address is an SVG, sent with the session. */
async function expectSvg(page, src) {
  const reply = await page.request.get(src);
  expect(reply.status()).toBe(200);
  expect(reply.headers()['content-type']).toContain('image/svg+xml');
  expect(await reply.text()).toMatch(/^<svg[^>]* role="img"/);
}

test('a wijk page shows its teams, totals, run charts and lessons', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', '/');
  await page.getByRole('link', { name: 'Wijk Zuilen Ondiep' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Wijk Zuilen Ondiep/ })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const teams = page.getByRole('table', { name: 'Kerncijfers van de laatste maand, teams in Zuilen Ondiep' });
  // Two jeugd and five ouderen teams.
  await expect(teams.getByRole('row')).toHaveCount(8);
  const year = page.getByRole('table', { name: 'Wijkcijfers over de laatste twaalf maanden met resultaten' });
  // Five measures: its jeugd teams also record uitval and doelrealisatie.
  await expect(year.getByRole('row')).toHaveCount(6);
  // The wijk's figures, added up here from the teams' months.
  const computed = figures.totals(figures.wijkYear('Zuilen Ondiep'));
  for (const [label, value, cases] of await bodyRows(year)) {
    const measure = MEASURES[label];
    expectFigure(value, figures.shown(computed[measure]), measure, `Zuilen Ondiep, ${label}`);
    expect(cases, `Zuilen Ondiep, cases of ${label}`).toBe(String(computed[measure][1]));
  }
  // Every chart is an image with a text alternative and its own table.
  const charts = page.locator('figure.chart img');
  await expect(charts).toHaveCount(5);
  for (const chart of await charts.all()) {
    expect(await chart.getAttribute('alt')).toMatch(/per maand .* Gemiddelde .* Oordeel: /);
    await expectSvg(page, await chart.getAttribute('src'));
  }
  await page.getByText('Cijfers bij de grafiek: Verder zonder hulp').click();
  await expect(page.getByRole('table', { name: 'Cijfers bij de grafiek – Verder zonder hulp' }).getByRole('row')).toHaveCount(25);
  await expect(page.getByRole('link', { name: 'Huisarts eerder aan tafel' }).first()).toBeVisible();
});

test('Vergelijken places teams in a funnel, in alphabetical order', async ({ page }, testInfo) => {
  await login(page, testInfo, 'bestuurder@demo.wijkwijs.nl', '/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vergelijken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teams en wijken vergelijken' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  await page.getByLabel('Maat').selectOption('wachttijd');
  await page.getByLabel('Doelgroep').selectOption('jeugd');
  await page.getByLabel('Periode').selectOption('6');
  await page.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(page).toHaveURL(/maat=wachttijd&doelgroep=jeugd&gemeente=&periode=6/);
  await ready(page, testInfo);
  const table = page.getByRole('table', { name: 'Teams op alfabet, met hun plaats in de trechter' });
  // The new comparison may still be loading: wait for its rows.
  await expect(table.locator('tbody tr')).toHaveCount(7);
  const names = await table.locator('tbody tr th, tbody tr td:first-child').allTextContents();
  expect(names.length).toBe(7);
  expect([...names].sort()).toEqual(names);
  await expect(table).toContainText('Jeugd Zuilen');
  await expect(table).not.toContainText('Ouderen');
  // Every team's wait and the centre, computed here from the months.
  const months = figures.teamsOver('jeugd', 6);
  for (const [team, , value] of await bodyRows(table)) {
    expectFigure(value, figures.shown(figures.totals(months.get(team) || []).wachttijd), 'wachttijd', team);
  }
  const all = figures.totals([...months.values()].flat()).wachttijd;
  const summary = await page.getByText(/Alle gekozen teams samen/).textContent();
  const [, centre, cases] = summary.match(/samen ([\d,]+) \(n = (\d+)\)/);
  expectFigure(centre, all[0], 'wachttijd', 'centre');
  expect(Number(cases)).toBe(all[1]);
  // Small multiples: one line per team with a shown value, on one scale.
  await expect(page.getByRole('heading', { level: 2, name: 'Verloop per team' })).toBeVisible();
  await expect(page.locator('ul.multiples > li')).toHaveCount(7);
  await expectSvg(page, await page.locator('ul.multiples img').first().getAttribute('src'));
  const funnel = page.locator('figure.chart img');
  await expect(funnel).toHaveAttribute('alt', /Trechterdiagram Wachttijd \(dagen\): .* 7 teams/);
  await expectSvg(page, await funnel.getAttribute('src'));
  await expectAccessible(page, testInfo);
  // The limits are widened for the real differences between teams; the
  // limits from the spread within teams alone are one link away.
  await expect(page.getByText(/De grenzen zijn verbreed voor echte verschillen tussen teams: overspreiding φ = [\d,]+/)).toBeVisible();
  await expect(page.getByText('Van wachttijd en cijfer is de spreiding per cliënt niet vastgelegd', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Toon de grenzen uit alleen de spreiding binnen teams' }).click();
  await expect(page).toHaveURL(/spreiding=binnen-teams/);
  await expect(page.getByText(/Deze grenzen komen uit alleen de spreiding binnen teams/)).toBeVisible();
  await ready(page, testInfo);
  await expectSvg(page, await page.locator('figure.chart img').getAttribute('src'));
  await page.getByRole('link', { name: 'Toon de verbrede grenzen' }).click();
  await expect(page).not.toHaveURL(/spreiding/);
  await ready(page, testInfo);
});

test('Vergelijken sets wijken side by side, within a doelgroep unless all are asked for', async ({ page }, testInfo) => {
  await login(page, testInfo, 'bestuurder@demo.wijkwijs.nl', '/vergelijken');
  await ready(page, testInfo);
  // Within one doelgroep by default (a bestuurder has no team: the first).
  await expect(page.getByLabel('Doelgroep')).toHaveValue('jeugd');
  await expect(page.getByText('Met ‘Alle’ staan doelgroepen')).toHaveCount(0);
  await page.getByLabel('Vergelijk').selectOption('wijken');
  await page.getByLabel('Maat').selectOption('uitval');
  await page.getByLabel('Periode').selectOption('12');
  await page.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(page).toHaveURL(/niveau=wijken&maat=uitval&doelgroep=jeugd&gemeente=&periode=12/);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  const table = page.getByRole('table', { name: 'Wijken op alfabet, met hun plaats in de trechter' });
  // Every wijk with a jeugd team, its uitval computed here from the months.
  const wijken = figures.wijkenOver('jeugd', 12);
  await expect(table.locator('tbody tr')).toHaveCount(wijken.size);
  let shownRows = 0;
  for (const [wijk, gemeente, value] of await bodyRows(table)) {
    expect(gemeente, wijk).not.toBe('');
    const expected = figures.shown(figures.totals(wijken.get(wijk) || []).uitval);
    expectFigure(value, expected, 'uitval', wijk);
    if (expected !== null) shownRows += 1;
  }
  await expect(page.locator('figure.chart img')).toHaveAttribute('alt', new RegExp(`Trechterdiagram Uitval: .* ${shownRows} wijken`));
  await expect(page.locator('ul.multiples > li')).toHaveCount(shownRows);
  await expectSvg(page, await page.locator('ul.multiples img').first().getAttribute('src'));
  const first = table.locator('tbody tr').first().getByRole('link');
  const name = (await first.textContent()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Wijk ${name}`) })).toBeVisible();
  // Gemeenten link to their wijken compared; all doelgroepen in one funnel say what that mixes.
  await page.goto('/vergelijken?niveau=gemeenten&maat=wachttijd&doelgroep=alle&periode=12');
  await ready(page, testInfo);
  await expect(page.getByText('Met ‘Alle’ staan doelgroepen')).toBeVisible();
  const gemeenten = page.getByRole('table', { name: 'Gemeenten op alfabet, met hun plaats in de trechter' });
  await gemeenten.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/niveau=wijken&maat=wachttijd&doelgroep=alle&gemeente=\d+/);
  await ready(page, testInfo);
});

test('Wat werkt names teams to learn from and sets themes against outcomes', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-ondiep@demo.wijkwijs.nl', '/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wat werkt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wat werkt' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  for (const measure of ['Wachttijd (dagen)', 'Verder zonder hulp', 'Cijfer cliënten']) {
    await expect(page.getByRole('heading', { level: 2, name: measure })).toBeVisible();
    // One row per agreement theme, with the number of teams on each side.
    const themes = page.getByRole('table', { name: `Teams met en zonder een actieve afspraak over een thema: ${measure}` });
    await expect(themes.locator('tbody tr')).toHaveCount(6);
  }
  await expect(page.getByText('Een samenhang is geen bewijs')).toBeVisible();
  const spread = page.getByRole('region', { name: 'Hoe lessen en afspraken zich verspreiden' });
  // Every adoption of the last two years (this month and the 23 before), counted here.
  const [{ adopted }] = figures.query(
    "SELECT COUNT(*) AS adopted FROM adoption WHERE created_at >= date('now', 'start of month', '-23 months')");
  expect(adopted).toBeGreaterThan(0);
  await expect(spread.getByRole('img')).toHaveAttribute('alt', new RegExp(`Overgenomen in deze twee jaar: ${adopted}\\b`));
  await expectSvg(page, '/grafieken/verspreiding.svg');
  // The demo's ouderen teams wait far shorter than its jeugd teams, but
  // within each doelgroep no team differs more than teams usually do: the
  // doelgroep is no reason to learn from a team.
  const wait = page.getByRole('region', { name: 'Wachttijd (dagen)' });
  await expect(wait.getByText('Geen team wijkt gunstig af van zijn eigen doelgroep')).toBeVisible();
  await expect(wait.getByText('Kijk eens in de keuken bij:')).toHaveCount(0);
});

test('Zoeken finds lessons and agreements, accents and case aside', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-ondiep@demo.wijkwijs.nl', '/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zoeken in lessen en afspraken' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Zoekwoorden').fill('EEN gezin een Plan');
  await page.getByLabel('Soort').selectOption('afspraak');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page).toHaveURL(/q=EEN\+gezin\+een\+Plan&soort=afspraak/);
  await ready(page, testInfo);
  const results = page.getByRole('table', { name: /Gevonden voor/ });
  await expect(results.getByRole('link', { name: 'Eén gezin, één plan, één regisseur' }).first()).toBeVisible();
  await expect(results).not.toContainText('Les');
  await expectAccessible(page, testInfo);
  await results.getByRole('link', { name: 'Eén gezin, één plan, één regisseur' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eén gezin, één plan, één regisseur' })).toBeVisible();

  // Every lesson that holds the word, counted here from the lessons themselves.
  await page.goto('/zoeken?q=Huisarts&soort=les');
  await ready(page, testInfo);
  const [{ lessons }] = figures.query(`SELECT COUNT(*) AS lessons FROM lesson
    WHERE lower(title || ' ' || what_happened || ' ' || what_worked || ' ' || what_needed || ' ' || tags) LIKE '%huisarts%'`);
  expect(lessons).toBeGreaterThan(0);
  await expect(page.getByText(`${Math.min(lessons, 50)} gevonden`)).toBeVisible();

  await page.goto('/zoeken?q=walvis+regisseur');
  await ready(page, testInfo);
  await expect(page.getByText('Niets gevonden.')).toBeVisible();
});
