// What every browser test shares: opening a page the way its project
// expects (waiting for the islands when JavaScript is on) and checking it
// with axe-core for serious or critical accessibility violations (WCAG 2.2
// AA) and for reflow at 320 CSS px.
const base = require('@playwright/test');
const { expect } = base;
const AxeBuilder = require('@axe-core/playwright').default;

/**
 * `test` whose page fails the test on any script error or console error,
 * such as a hydration mismatch. Chromium also logs every HTTP error answer
 * (a 404 page, a refused form's 422); those are expected answers, not faults.
 */
/** The locale (Accept-Language) each page's context was made with. */
const localeOf = new WeakMap();

const test = base.test.extend({
  page: async ({ page, locale }, use) => {
    localeOf.set(page, locale);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
        errors.push(message.text());
      }
    });
    await use(page);
    expect(errors, 'errors in the browser console').toEqual([]);
  },
});

function jsEnabled(testInfo) {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Waits until the page is usable: islands awake with JavaScript, loaded without. */
async function ready(page, testInfo) {
  await page.waitForLoadState('load');
  if (jsEnabled(testInfo)) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  }
}

/**
 * Fails on any serious or critical axe-core violation of the current page.
 * axe runs as a script in the page, so a page without JavaScript is scanned
 * as a twin: the same URL and cookies in a scripted context whose app
 * bundle is blocked, which is exactly the server-rendered HTML.
 */
async function expectAccessible(page, testInfo) {
  if (!jsEnabled(testInfo)) {
    const browser = page.context().browser();
    const twin = await browser.newContext({
      javaScriptEnabled: true,
      locale: localeOf.get(page) ?? 'nl-NL',
      storageState: await page.context().storageState(),
    });
    try {
      await twin.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
      const twinPage = await twin.newPage();
      await twinPage.goto(page.url());
      await scan(twinPage);
    } finally {
      await twin.close();
    }
    return;
  }
  await scan(page);
}

async function scan(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
  await expectReflow(page);
}

/**
 * Fails when the page needs horizontal scrolling at 320 CSS px (WCAG 2.1,
 * 1.4.10 Reflow), which axe does not check: the page is laid out at that
 * width, measured, and given its own size back.
 */
async function expectReflow(page) {
  const size = page.viewportSize() || { width: 1280, height: 720 };
  await page.setViewportSize({ width: 320, height: size.height });
  try {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `the width of ${page.url()} at 320 px`).toBeLessThanOrEqual(320);
  } finally {
    await page.setViewportSize(size);
  }
}

/** Opens `path`, waits until ready and scans it. */
async function visit(page, testInfo, path) {
  const response = await page.goto(path);
  await ready(page, testInfo);
  await expectAccessible(page, testInfo);
  return response;
}

/** Opens a part of a team's space (Afspraken, Lessen, …) from its own menu. */
async function openTeamPart(page, testInfo, name) {
  await page.getByRole('navigation', { name: 'Onderdelen van het team' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Onderdelen van het team' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  await ready(page, testInfo);
}

/** The one password of every demo login (README). */
const DEMO_PASSWORD = 'Wijkwijs-demo-2026';
const TEAMLID = 'teamlid.jeugd-zuilen@demo.wijkwijs.nl';

/** Logs in through the login page and waits for the page it leads to. */
async function login(page, testInfo, email = TEAMLID, path = '/', password = DEMO_PASSWORD) {
  await visit(page, testInfo, `/inloggen?volgende=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL((url) => url.pathname === path);
  await ready(page, testInfo);
  await expect(page.getByRole('link', { name: /^Ingelogd als / })).toBeVisible();
}

module.exports = { test, expect, jsEnabled, ready, expectAccessible, visit, login, openTeamPart, DEMO_PASSWORD, TEAMLID };
