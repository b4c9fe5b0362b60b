// A gemeente's theme is one file of NL Design System token values: the
// pages take its colours and still pass axe, contrast included. Every
// other test runs under the default (the NL Design System example theme);
// this one swaps in the repository's second theme, style/themes/wijkwijs.css.
const path = require('path');
const { test, expect, ready, expectAccessible, jsEnabled, login, openTeamPart } = require('./support');

const SECOND_THEME = path.join(__dirname, '..', '..', 'style', 'themes', 'wijkwijs.css');

test('the pages take a second theme and keep their contrast', async ({ page }, testInfo) => {
  // Contrast does not depend on scripts; the twin page of the project
  // without JavaScript would not see the swapped theme.
  test.skip(!jsEnabled(testInfo), 'checked once, with JavaScript');
  const header = page.locator('header.site-header');
  await login(page, testInfo, 'teamlid.jeugd-zuilen@demo.wijkwijs.nl', '/account');
  const exampleColour = await header.evaluate((el) => getComputedStyle(el).backgroundColor);

  await page.route('**/pkg/themes/voorbeeld.css', (route) =>
    route.fulfill({ path: SECOND_THEME, contentType: 'text/css' }));
  for (const address of ['/account', '/', '/vergelijken', '/wat-werkt', '/bestuurderstafel', '/mijn-team']) {
    await page.goto(address);
    await ready(page, testInfo);
    await expect(header).toHaveCSS('background-color', 'rgb(29, 79, 145)');
    await expectAccessible(page, testInfo);
  }
  await openTeamPart(page, testInfo, 'Resultaten');
  await expectAccessible(page, testInfo);
  expect(exampleColour).not.toBe('rgb(29, 79, 145)');
});
