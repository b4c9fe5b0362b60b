// Browser tests against the real server with the demo network. Every test
// runs twice: with its islands awake (JavaScript on) and as plain server-rendered HTML
// (JavaScript off). Chromium comes from Debian; Playwright never downloads.
const { defineConfig } = require('@playwright/test');

const addr = process.env.WIJKWIJS_ADDR || '127.0.0.1:3100';
const bin = process.env.WIJKWIJS_BIN;
if (!bin) throw new Error('WIJKWIJS_BIN must point at the wijkwijs binary (run ../.ci/test)');

module.exports = defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://${addr}`,
    // Dutch professionals' browsers ask for Dutch; without a locale
    // Chromium asks for en-US, and Wijkwijs would answer in English
    // (english.spec.js asks for that on purpose).
    locale: 'nl-NL',
    launchOptions: {
      executablePath: process.env.WIJKWIJS_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'nojs', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `"${bin}" serve`,
    // Started outside the repository, as a service is: the binary serves
    // its own browser bundle (unless WIJKWIJS_SITE_ROOT says otherwise).
    cwd: require('os').tmpdir(),
    url: `http://${addr}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
