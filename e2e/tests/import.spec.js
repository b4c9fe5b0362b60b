// A teamlid imports months of results from a CSV file and then corrects
// them from an Excel workbook: a bad file gets its message beside the
// field; the preview lists what would be added, corrected and refused
// before anything is saved; after confirming, the months are the team's.
// Each project imports for its own team, as the projects share one
// database.
const ExcelJS = require('exceljs');
const { test, expect, ready, expectAccessible, jsEnabled } = require('./support');

const HEADER = ['Maand', 'Gestart', 'Wachttijd (dagen)', 'Afgesloten', 'Zonder hulp verder', 'Reacties cliënten'];

async function workbook() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Resultaten');
  sheet.addRow(HEADER);
  sheet.addRow(['2020-01', 4, 6.5, 2, 1, 0]);
  // Excel makes a date of a typed "feb 2020".
  sheet.addRow([new Date(Date.UTC(2020, 1, 1)), 2, 3, 1, 1, 0]);
  sheet.getCell('A3').numFmt = 'mmm yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function choose(page, testInfo, name, mimeType, buffer) {
  await page.getByLabel('Bestand (.csv of .xlsx)').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Bestand controleren' }).click();
  await ready(page, testInfo);
}

test('months are imported from a CSV file and corrected from an Excel workbook', async ({ page }, testInfo) => {
  const [team, slug] = jsEnabled(testInfo)
    ? ['Ouderen Overvecht', 'ouderen-overvecht']
    : ['Ouderen Oosterpark', 'ouderen-oosterpark'];
  await page.goto('/inloggen');
  await ready(page, testInfo);
  await page.getByLabel('E-mailadres').fill(`teamlid.${slug}@demo.wijkwijs.nl`);
  await page.getByLabel('Wachtwoord').fill('Wijkwijs-demo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/teams\/\d+$/);
  const teamPath = new URL(page.url()).pathname;
  await ready(page, testInfo);

  await page.goto(`${teamPath}/resultaten`);
  await ready(page, testInfo);
  await page.getByRole('link', { name: 'Resultaten importeren uit een bestand' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Resultaten importeren: ${team}` })).toBeVisible();
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);

  // A file that is no table of results: its message beside the field.
  await choose(page, testInfo, 'brief.csv', 'text/csv', Buffer.from('Beste collega,\nhierbij de cijfers.\n'));
  const field = page.getByLabel('Bestand (.csv of .xlsx)');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#veld-bestand-melding')).toContainText('Geen enkele kolom is herkend');
  await expectAccessible(page, testInfo);

  // A CSV as Dutch Excel writes it: two new months and a refused row.
  const csv = `\ufeff${HEADER.join(';')}\r\n2020-01;3;6,5;2;1;0\r\n2020-02;2;3;1;1;0\r\n2020-03;1;1;1;5;0\r\n`;
  await choose(page, testInfo, 'resultaten.csv', 'text/csv', Buffer.from(csv));
  await expect(page.getByRole('heading', { level: 1, name: `Controleer de import: ${team}` })).toBeVisible();
  await expect(page.getByText('Regels gelezen: 3. Maanden toe te voegen: 2; te corrigeren: 0; ongewijzigd: 0. Regels geweigerd: 1.')).toBeVisible();
  const refused = page.getByRole('table', { name: 'Regels die niet worden ingelezen, met de reden' });
  await expect(refused.getByRole('row').filter({ hasText: 'Kan niet meer zijn dan het aantal afgesloten cliënten (1).' })).toContainText('4');
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('Deze import is verwerkt. Maanden toegevoegd: 2; gecorrigeerd: 0.')).toBeVisible();
  await ready(page, testInfo);

  await page.goto(`${teamPath}/resultaten/invoeren?maand=2020-01`);
  await ready(page, testInfo);
  await expect(page.getByLabel('Cliënten bij wie de hulp startte')).toHaveValue('3');

  // The workbook corrects January and repeats February as it is.
  await page.goto(`${teamPath}/resultaten/importeren`);
  await ready(page, testInfo);
  await choose(page, testInfo, 'resultaten.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await workbook());
  await expect(page.getByText('Gelezen als: Excel-werkmap')).toBeVisible();
  await expect(page.getByText('Regels gelezen: 2. Maanden toe te voegen: 0; te corrigeren: 1; ongewijzigd: 1. Regels geweigerd: 0.')).toBeVisible();
  const corrections = page.getByRole('table', { name: 'Maanden die de import corrigeert, van oud naar nieuw' });
  await expect(corrections.getByRole('row').filter({ hasText: 'jan 2020' })).toContainText('3 → 4');
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('Deze import is verwerkt. Maanden toegevoegd: 0; gecorrigeerd: 1.')).toBeVisible();
  await ready(page, testInfo);

  await page.goto(`${teamPath}/resultaten/invoeren?maand=2020-01`);
  await ready(page, testInfo);
  await expect(page.getByLabel('Cliënten bij wie de hulp startte')).toHaveValue('4');
  await expect(page.getByRole('table', { name: 'Alle versies van deze maand, nieuwste eerst' }).getByRole('row')).toHaveCount(3);
});
