// The bestuurderstafel: a bestuurder opens it on the demo network, sets a
// target, answers a knelpunt and writes a dialogue note linked to it; the
// team reads the answer; the print view keeps tables and drops the menu;
// each table's CSV holds what the screen shows. A teamlid reads it only. Each
// project answers its own knelpunt (js the first row, nojs the second).
const { test, expect, ready, expectAccessible, jsEnabled, login } = require('./support');

const BESTUURDER = 'bestuurder@demo.wijkwijs.nl';

async function openTable(page, testInfo) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bestuurderstafel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bestuurderstafel – Het hele netwerk' })).toBeVisible();
  await ready(page, testInfo);
}

/** A table's body rows as arrays of cell texts. */
async function bodyRows(table) {
  const rows = [];
  for (const row of await table.locator('tbody tr').all()) {
    rows.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
  }
  return rows;
}

/** The records of an RFC 4180 CSV (commas, quotes doubled, CRLF). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 1; }
    else field += c;
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** A table's CSV, fetched through its own download link. */
async function tableCsv(page, caption) {
  const link = page.getByRole('link', { name: `Downloaden tabel als CSV: ${caption}` });
  const reply = await page.request.get(await link.getAttribute('href'));
  expect(reply.status()).toBe(200);
  expect(reply.headers()['content-type']).toContain('text/csv');
  return parseCsv((await reply.text()).replace(/^\uFEFF/, ''));
}

/** "€ 1.200,50" (or "-€ 85,00") as a number of euros. */
function euros(text) {
  return Number(text.replace(/[^0-9,\-]/g, '').replace(',', '.'));
}

test('a bestuurder answers a knelpunt and writes a dialogue note; the team reads the answer', async ({ page }, testInfo) => {
  const row = jsEnabled(testInfo) ? 0 : 1;
  await login(page, testInfo, BESTUURDER, '/');
  await openTable(page, testInfo);
  await expectAccessible(page, testInfo);

  // Every wijk with its teams; each measure's verdicts as a link to its chart.
  const zuilen = page.getByRole('table', { name: 'Signalen in Zuilen Ondiep' });
  await expect(zuilen.locator('tbody tr')).toHaveCount(8);
  const icon = zuilen.locator('tbody tr').nth(1).getByRole('link', { name: /, Wachttijd \(dagen\) – Variatie: .*; Streefwaarde: / }).first();
  await expect(icon).toHaveAttribute('href', /^\/teams\/\d+\/resultaten#grafiek-wachttijd$/);

  // A target out of range is refused next to its field and kept.
  const share = page.getByLabel('Verder zonder hulp in procenten (minstens)');
  await share.fill('140');
  await page.getByRole('button', { name: 'Streefwaarden opslaan' }).click();
  await expect(page.getByText('Een percentage ligt tussen 0 en 100.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Verder zonder hulp in procenten (minstens)')).toHaveValue('140');
  await page.getByLabel('Verder zonder hulp in procenten (minstens)').fill('60');
  await page.getByRole('button', { name: 'Streefwaarden opslaan' }).click();
  const targets = page.getByRole('table', { name: 'Streefwaarden van het netwerk' });
  await expect(targets.getByRole('row', { name: /Verder zonder hulp/ })).toContainText('60%');
  await ready(page, testInfo);

  // Answer an open knelpunt.
  const open = page.getByRole('table', { name: 'Open knelpunten, het meest gesteund eerst' });
  const [title, team] = (await bodyRows(open))[row];
  await open.locator('tbody tr').nth(row).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Nieuwe status').selectOption('in-behandeling');
  await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Nieuwe status')).toHaveValue('in-behandeling');
  const answer = `Wij nemen dit mee in de inkoop van 2027 (${testInfo.project.name}).`;
  await page.getByLabel('Toelichting').fill(answer);
  await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'In behandeling' })).toBeVisible();
  const knelpuntPath = new URL(page.url()).pathname;
  await ready(page, testInfo);

  // A dialogue note that discussed it, with one follow-up action.
  await openTable(page, testInfo);
  await page.getByRole('link', { name: 'Nieuw overlegverslag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw overlegverslag – Het hele netwerk' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Aanwezig').fill('Wethouder Zorg, directeuren jeugdhulp en wijkverpleging');
  await page.getByLabel('Conclusies').fill('Eén budget per wijk voor maatwerk.');
  const action = page.getByRole('group', { name: 'Actie 1' });
  await action.getByLabel('Wat').fill('Voorstel ontschotten budget');
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(page.getByText('Vul de datum van het overleg in.')).toBeVisible();
  await ready(page, testInfo);
  await expect(page.getByLabel('Aanwezig')).toHaveValue('Wethouder Zorg, directeuren jeugdhulp en wijkverpleging');
  await expect(page.getByRole('group', { name: 'Actie 1' }).getByLabel('Wat')).toHaveValue('Voorstel ontschotten budget');
  await page.getByLabel('Datum van het overleg').fill('2026-11-20');
  await page.getByRole('group', { name: 'Actie 1' }).getByLabel('Wie (eigenaar)').fill('Wethouder Zorg');
  await page.getByRole('group', { name: 'Actie 1' }).getByLabel('Klaar op').fill('2027-01-15');
  await page.getByRole('group', { name: 'Besproken knelpunten' }).getByLabel(`${title} (${team})`).first().check();
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(page).toHaveURL(/\/overleg\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overleg van 20 november 2026' })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page.getByRole('table', { name: 'Vervolgacties met eigenaar en datum' })).toContainText('Wethouder Zorg');
  // …and the knelpunt names the note.
  await page.goto(knelpuntPath);
  await ready(page, testInfo);
  await expect(page.getByText('Besproken in het overleg van')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await ready(page, testInfo);

  // The team reads the answer, without the bestuurders' form.
  const slug = team.toLowerCase().replace(/ /g, '-');
  await login(page, testInfo, `teamlid.${slug}@demo.wijkwijs.nl`, knelpuntPath);
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Antwoord opslaan' })).toHaveCount(0);
});

test('the bestuurderstafel prints on A4 without the menu, and each table\'s CSV holds what the screen shows', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.ouderen-ondiep@demo.wijkwijs.nl', '/');
  await openTable(page, testInfo);
  await expectAccessible(page, testInfo);
  // A teamlid reads, but sets no targets and writes no notes.
  await expect(page.getByRole('button', { name: 'Streefwaarden opslaan' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nieuw overlegverslag' })).toHaveCount(0);

  const savings = page.getByRole('table', { name: 'Maatwerkcanvassen en hun besparing per wijk en team' });
  const knelpunten = page.getByRole('table', { name: 'Open knelpunten, het meest gesteund eerst' });
  const savingRows = await bodyRows(savings);
  const knelpuntRows = await bodyRows(knelpunten);
  expect(savingRows.length).toBeGreaterThan(1);
  // Each table downloads as a CSV with machine values: numbers as numbers
  // (euros with a point), dates in ISO form, the texts as on screen.
  const [savingHeader, ...savingRecords] = await tableCsv(page, 'Maatwerkcanvassen en hun besparing per wijk en team');
  expect(savingHeader[0]).toBe('Team');
  expect(savingRecords.length).toBe(savingRows.length);
  savingRows.forEach((cells, i) => {
    expect(savingRecords[i].slice(0, 3)).toEqual(cells.slice(0, 3));
    // Column 3 is the count's status (empty: a value is shown).
    expect(savingRecords[i][3]).toBe('');
    expect(Number(savingRecords[i][4])).toBeCloseTo(euros(cells[3]), 2);
  });
  const [, ...knelpuntRecords] = await tableCsv(page, 'Open knelpunten, het meest gesteund eerst');
  expect(knelpuntRecords.length).toBe(knelpuntRows.length);
  const raised = await knelpunten.locator('tbody tr time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  knelpuntRows.forEach((cells, i) => {
    expect(knelpuntRecords[i].slice(0, 5)).toEqual(cells.slice(0, 5));
    expect(knelpuntRecords[i][6]).toBe(raised[i]);
  });
  await expect(page.getByRole('link', { name: 'Alle tabellen van deze pagina als Excel-bestand' })).toBeVisible();

  // Printed: no menu, no forms; the tables stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tonen' })).toBeHidden();
  await expect(savings).toBeVisible();
  await expect(page.getByRole('table', { name: 'Signalen in Zuilen Ondiep' })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('a teamlid cannot open the form for a dialogue note', async ({ page }, testInfo) => {
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', '/');
  await page.goto('/bestuurderstafel/overleg/nieuw');
  await ready(page, testInfo);
  await expect(page.getByRole('alert')).toContainText('geen toegang');
  await expect(page.getByRole('button', { name: 'Verslag opslaan' })).toHaveCount(0);
});
