// A team's run chart on its own page: a member sets a new baseline with a
// reason (suggested by an agreement that took effect), sees the phases on
// the chart, in its table and in its text alternative, and undoes it; adds
// a note on a month linked to a lesson and removes it. Bad input is refused
// at the field, and nothing is saved. The NJi indicators show as measures.
const { test, expect, ready, expectAccessible, login, openTeamPart } = require('./support');
const figures = require('./figures');

const TEAM = 'Jeugd Zuilen';
const rows = (table) => figures.query(`SELECT COUNT(*) AS n FROM ${table}`)[0].n;
const audited = (action) =>
  figures.query(`SELECT COUNT(*) AS n FROM audit_event WHERE action = '${action}'`)[0].n;

async function openChart(page, testInfo, code) {
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', '/account');
  await page.getByRole('link', { name: TEAM }).click();
  await ready(page, testInfo);
  await openTeamPart(page, testInfo, 'Resultaten');
  await page.locator(`#grafiek-${code}`).getByRole('link', { name: 'Basislijnen en toelichtingen' }).click();
  await ready(page, testInfo);
}

test('a jeugd team shows uitval and doelrealisatie as measures', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', '/account');
  await page.getByRole('link', { name: TEAM }).click();
  await ready(page, testInfo);
  const tiles = page.getByRole('list', { name: /Kerncijfers van / });
  for (const label of ['Uitval', 'Doelen bereikt']) {
    await expect(tiles.getByRole('listitem').filter({ hasText: label })).toContainText('%');
  }
  // The latest month's uitval, computed here from the team's own record.
  const [latest] = figures.query(`SELECT o.ended, o.uitval FROM outcome_period o JOIN team t ON t.id = o.team_id
    WHERE t.name = '${TEAM}' ORDER BY o.month DESC LIMIT 1`);
  const shownUitval = await tiles.getByRole('listitem').filter({ hasText: 'Uitval' }).locator('.tile-value').textContent();
  expect(Math.abs(figures.readFigure(shownUitval) - latest.uitval / latest.ended)).toBeLessThanOrEqual(figures.tolerance('uitval'));
  await openTeamPart(page, testInfo, 'Resultaten');
  for (const label of ['Uitval', 'Doelen bereikt']) {
    await expect(page.locator('figure.chart').filter({ hasText: label }).locator('img')).toHaveAttribute('alt', new RegExp(`^${label} per maand`));
  }
  // An ouderen team records neither: no tile, no chart.
  const [{ id }] = figures.query("SELECT id FROM team WHERE name = 'Ouderen Ondiep'");
  await page.goto(`/teams/${id}`);
  await ready(page, testInfo);
  await expect(page.getByRole('list', { name: /Kerncijfers van / }).getByRole('listitem').filter({ hasText: 'Uitval' })).toHaveCount(0);
  await openTeamPart(page, testInfo, 'Resultaten');
  await expect(page.locator('figure.chart')).toHaveCount(3);
});

test('a member rebases a run chart with a reason, sees its phases and undoes it', async ({ page }, testInfo) => {
  await openChart(page, testInfo, 'wachttijd');
  await expect(page.getByRole('heading', { level: 1, name: `Wachttijd (dagen) – ${TEAM}` })).toBeVisible();
  await expectAccessible(page, testInfo);
  const before = rows('chart_baseline');

  // Refused at the fields, what was typed kept, nothing saved.
  await page.getByLabel('Reden').fill('   ');
  await page.getByLabel('Grenzen vastzetten na (maanden)').fill('11');
  await page.getByRole('button', { name: 'Basislijn zetten' }).click();
  await ready(page, testInfo);
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await expect(page.getByText('Vul een aantal maanden van 12 tot en met 24 in, of laat het veld leeg.')).toBeVisible();
  await expect(page.getByLabel('Grenzen vastzetten na (maanden)')).toHaveValue('11');
  expect(rows('chart_baseline')).toBe(before);

  // An agreement that took effect is offered; using it fills in the form.
  const suggestion = page.getByRole('link', { name: 'gebruik als basislijn' }).first();
  const offered = (await suggestion.locator('xpath=..').textContent()).split(' (')[0].trim();
  await suggestion.click();
  await ready(page, testInfo);
  await expect(page.getByLabel('Reden')).toHaveValue(offered);
  const month = await page.getByLabel('Vanaf maand').inputValue();
  await page.getByRole('button', { name: 'Basislijn zetten' }).click();
  await ready(page, testInfo);
  expect(rows('chart_baseline')).toBe(before + 1);
  const listed = page.getByRole('region', { name: 'Basislijnen' });
  await expect(listed.getByText(new RegExp(`Nieuwe basislijn vanaf .*: ${offered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))).toBeVisible();
  // On the chart's text alternative and in its table, by the month it starts.
  const chart = page.locator('figure.chart img');
  await expect(chart).toHaveAttribute('alt', /Nieuwe basislijn vanaf /);
  await page.getByText('Cijfers bij de grafiek: Wachttijd (dagen)').click();
  const table = page.getByRole('table', { name: /Cijfers bij de grafiek – Wachttijd/ });
  await expect(table.getByRole('columnheader', { name: 'Basislijn' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: offered })).toHaveCount(1);
  const svg = await (await page.request.get(await chart.getAttribute('src'))).text();
  expect(svg).toContain('Nieuwe basislijn vanaf');
  expect(figures.query(`SELECT month FROM chart_baseline ORDER BY id DESC LIMIT 1`)[0].month).toBe(month);
  await expectAccessible(page, testInfo);

  // Undone: gone from the page and the database, both steps audited.
  const undone = audited('basislijn-ongedaan-maken');
  await listed.getByRole('button', { name: 'Ongedaan maken' }).click();
  await ready(page, testInfo);
  await expect(page.getByText('Er is nog geen basislijn gezet')).toBeVisible();
  expect(rows('chart_baseline')).toBe(before);
  expect(audited('basislijn-ongedaan-maken')).toBe(undone + 1);
  expect(audited('basislijn-zetten')).toBeGreaterThan(0);
});

test('a member adds a note on a month, linked to a lesson, and removes it', async ({ page }, testInfo) => {
  await openChart(page, testInfo, 'verder-zonder-hulp');
  const before = rows('month_note');
  const form = page.getByRole('region', { name: 'Toelichting toevoegen' });
  // A BSN is refused, and nothing is saved.
  await form.getByLabel('Toelichting', { exact: true }).fill('Cliënt 111222333 verhuisd');
  await form.getByRole('button', { name: 'Toelichting toevoegen' }).click();
  await ready(page, testInfo);
  await expect(page.getByText(/burgerservicenummer/i)).toBeVisible();
  expect(rows('month_note')).toBe(before);

  const text = `Twee collega's met verlof (${testInfo.project.name})`;
  await form.getByLabel('Toelichting', { exact: true }).fill(text);
  const lesson = form.getByLabel('Hoort bij (optioneel)');
  const option = lesson.locator('option').nth(1);
  const title = (await option.textContent()).replace(/^Les: /, '');
  await lesson.selectOption(await option.getAttribute('value'));
  await form.getByRole('button', { name: 'Toelichting toevoegen' }).click();
  await ready(page, testInfo);
  expect(rows('month_note')).toBe(before + 1);
  const notes = page.getByRole('region', { name: 'Toelichtingen' });
  await expect(notes.getByText(text)).toBeVisible();
  await expect(notes.getByRole('link', { name: title })).toBeVisible();
  await expect(page.locator('figure.chart img')).toHaveAttribute('alt', new RegExp(`Toelichting bij .*: ${text.replace(/[()']/g, '.')}`));
  await page.getByText('Cijfers bij de grafiek: Verder zonder hulp').click();
  const table = page.getByRole('table', { name: /Cijfers bij de grafiek – Verder zonder hulp/ });
  await expect(table.getByRole('row').filter({ hasText: `T1: ${text}` })).toHaveCount(1);
  await expectAccessible(page, testInfo);
  // The note's text never enters the audit log.
  const logged = `SELECT COUNT(*) AS n FROM audit_event WHERE after LIKE '%met verlof (${testInfo.project.name})%'`;
  expect(figures.query(logged)[0].n).toBe(0);

  await notes.getByRole('button', { name: 'Verwijderen' }).click();
  await ready(page, testInfo);
  await expect(page.getByText('Er zijn nog geen toelichtingen.')).toBeVisible();
  expect(rows('month_note')).toBe(before);
});
