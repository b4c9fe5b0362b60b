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

// An iWmo 3.2 message, as a provider's system exchanges it: with the
// client's BSN and name, which Wijkwijs must neither keep nor show.
const BSN = '999911120';
function wmo(number, code, dated, records) {
  const m = `wmo${number}`;
  const b = 'iwmo';
  const product = (r) => {
    switch (number) {
      case '315':
        return `<${m}:AangevraagdProduct><${m}:ReferentieAanbieder>${r.reference}</${m}:ReferentieAanbieder><${m}:ToewijzingIngangsdatum>${dated}</${m}:ToewijzingIngangsdatum></${m}:AangevraagdProduct>`;
      case '301':
        return `<${m}:ToegewezenProduct><${m}:ToewijzingNummer>${r.number}</${m}:ToewijzingNummer>${r.reference ? `<${m}:ReferentieAanbieder>${r.reference}</${m}:ReferentieAanbieder>` : ''}<${m}:Toewijzingsdatum>${r.assigned}</${m}:Toewijzingsdatum><${m}:Toewijzingstijd>09:00:00</${m}:Toewijzingstijd><${m}:Ingangsdatum>${r.assigned}</${m}:Ingangsdatum></${m}:ToegewezenProduct>`;
      default: {
        const item = number === '305' ? 'StartProduct' : 'StopProduct';
        const stop = r.end ? `<${m}:RedenBeeindiging>${r.reason}</${m}:RedenBeeindiging><${m}:Einddatum>${r.end}</${m}:Einddatum>` : '';
        return `<${m}:${item}><${m}:ToewijzingNummer>${r.number}</${m}:ToewijzingNummer><${m}:Product><${b}:Categorie>01</${b}:Categorie><${b}:Code>01A11</${b}:Code></${m}:Product><${m}:Begindatum>${r.begin}</${m}:Begindatum>${stop}<${m}:StatusAanlevering>1</${m}:StatusAanlevering></${m}:${item}>`;
      }
    }
  };
  const list = { '315': 'AangevraagdeProducten', '301': 'ToegewezenProducten', '305': 'StartProducten', '307': 'StopProducten' }[number];
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<${m}:Bericht xmlns:${b}="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:${m}="http://www.istandaarden.nl/iwmo/3_2/${m}/schema">
<${m}:Header><${m}:BerichtCode>${code}</${m}:BerichtCode><${m}:BerichtVersie>3</${m}:BerichtVersie><${m}:BerichtSubversie>2</${m}:BerichtSubversie><${m}:Afzender>65656055</${m}:Afzender><${m}:Ontvanger>0344</${m}:Ontvanger><${m}:BerichtIdentificatie><${b}:Identificatie>E2E${number}</${b}:Identificatie><${b}:Dagtekening>${dated}</${b}:Dagtekening></${m}:BerichtIdentificatie></${m}:Header>
<${m}:Client><${m}:Bsn>${BSN}</${m}:Bsn><${m}:Naam><${b}:Geslachtsnaam><${b}:Achternaam>Verbeek</${b}:Achternaam></${b}:Geslachtsnaam></${m}:Naam>
<${m}:${list}>${records.map(product).join('')}</${m}:${list}></${m}:Client></${m}:Bericht>`);
}

// January 2020: three starts (waits of 21, 10 and 1 days: 10.7 on
// average) and one end as planned; February: an early end (uitval) and a
// move, which is no end of help the team worked towards.
const MESSAGES = [
  ['verzoek.xml', wmo('315', '444', '2019-12-20', [{ reference: 'R-1' }])],
  ['toewijzing.xml', wmo('301', '414', '2020-01-05', [
    { number: 900001, reference: 'R-1', assigned: '2020-01-02' },
    { number: 900002, assigned: '2020-01-05' },
    { number: 900003, assigned: '2020-01-02' },
  ])],
  ['start.xml', wmo('305', '418', '2020-01-16', [
    { number: 900001, begin: '2020-01-10' },
    { number: 900002, begin: '2020-01-15' },
    { number: 900003, begin: '2020-01-03' },
  ])],
  ['stop.xml', wmo('307', '420', '2020-03-02', [
    { number: 900003, begin: '2020-01-03', end: '2020-01-25', reason: '19' },
    { number: 900001, begin: '2020-01-10', end: '2020-02-10', reason: '21' },
    { number: 900002, begin: '2020-01-15', end: '2020-02-20', reason: '31' },
  ])],
].map(([name, buffer]) => ({ name, mimeType: 'application/xml', buffer }));

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

  // The team's iWmo messages correct both months: starts, wait, ends and
  // uitval from the messages, the rest as the team entered it.
  await page.goto(`${teamPath}/resultaten/importeren`);
  await ready(page, testInfo);
  const messages = page.getByLabel('Berichten (.xml, of een .zip met berichten)');
  await messages.setInputFiles([{ name: 'bericht.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>') }]);
  await page.getByRole('button', { name: 'Berichten controleren' }).click();
  await ready(page, testInfo);
  await expect(page.locator('#veld-berichten-melding')).toContainText('Bestand 1: dit bestand bevat een DTD');
  await expect(page.getByLabel('Berichten (.xml, of een .zip met berichten)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Berichten (.xml, of een .zip met berichten)').setInputFiles(MESSAGES);
  await page.getByRole('button', { name: 'Berichten controleren' }).click();
  await ready(page, testInfo);
  await expect(page.getByText('Gelezen als: iWmo-berichten, release 3.2')).toBeVisible();
  await expect(page.getByText('Regels gelezen: 2. Maanden toe te voegen: 0; te corrigeren: 2; ongewijzigd: 0. Regels geweigerd: 0.')).toBeVisible();
  await expect(page.getByText('1 stops met een administratieve reden tellen niet als beëindigd.')).toBeVisible();
  const counted = page.getByRole('table', { name: 'Maanden die de import corrigeert, van oud naar nieuw' });
  await expect(counted.getByRole('row').filter({ hasText: 'jan 2020' })).toContainText('4 → 3');
  await expect(counted.getByRole('row').filter({ hasText: 'jan 2020' })).toContainText('6,5 → 10,7');
  await expect(page.locator('body')).not.toContainText(BSN);
  await expect(page.locator('body')).not.toContainText('Verbeek');
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('Deze import is verwerkt. Maanden toegevoegd: 0; gecorrigeerd: 2.')).toBeVisible();
  await ready(page, testInfo);

  await page.goto(`${teamPath}/resultaten/invoeren?maand=2020-02`);
  await ready(page, testInfo);
  await expect(page.getByLabel('Cliënten bij wie de hulp eindigde')).toHaveValue('1');
});

