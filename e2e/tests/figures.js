// Figures computed independently of the server: read straight from the
// test database with the sqlite3 command-line tool and added up here the
// way product.md and docs/privacy.md define them (counts summed, means
// weighted by their cases, shares from summed counts, fewer than 10 cases
// hidden, and a month entering a total outside its team only as far as the
// month itself is shown), so that a browser test can hold what a page shows
// against them.
const { execFileSync } = require('child_process');

/** The minimum number of cases behind a figure shown outside a team. */
const MIN_CASES = 10;

function databasePath() {
  const match = (process.env.DATABASE_URL || '').match(/^sqlite:\/\/([^?]+)/);
  if (!match) throw new Error('DATABASE_URL must name the SQLite test database (run ../.ci/test)');
  return match[1];
}

/** Rows of a read-only SQL query, as objects. */
function query(sql) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', databasePath(), sql]).toString().trim();
  return out ? JSON.parse(out) : [];
}

/**
 * Months of results, added up per measure as a viewer outside the teams
 * sees them: [value or null, cases]. A month's wait, share or grade enters
 * only when that month shows it (at least 10 cases).
 */
function totals(months) {
  let waitSum = 0, waitCases = 0, ended = 0, withoutHelp = 0, gradeSum = 0, gradeCases = 0;
  // The NJi indicators, out of the ended clients of the months that record them.
  const indicators = { uitval: [0, 0], doelrealisatie: [0, 0] };
  for (const m of months) {
    if (m.mean_wait_days !== null && m.started >= MIN_CASES) {
      waitSum += m.mean_wait_days * m.started;
      waitCases += m.started;
    }
    if (m.ended >= MIN_CASES) {
      ended += m.ended;
      withoutHelp += m.without_help;
      for (const [key, sum] of Object.entries(indicators)) {
        if (m[key] !== null && m[key] !== undefined) {
          sum[0] += m[key];
          sum[1] += m.ended;
        }
      }
    }
    if (m.client_grade !== null && m.client_responses >= MIN_CASES) {
      gradeSum += m.client_grade * m.client_responses;
      gradeCases += m.client_responses;
    }
  }
  const mean = (sum, n) => [n > 0 ? sum / n : null, n];
  return {
    wachttijd: mean(waitSum, waitCases),
    'zonder-hulp': [ended > 0 ? withoutHelp / ended : null, ended],
    cijfer: mean(gradeSum, gradeCases),
    uitval: mean(...indicators.uitval),
    doelrealisatie: mean(...indicators.doelrealisatie),
  };
}

/** A figure as shown outside a team's own space: a number, or null when hidden or missing. */
function shown([value, cases]) {
  return value === null || cases < MIN_CASES ? null : value;
}

/**
 * Reads a shown figure back into a number ("12,3" → 12.3, "74%" → 0.74);
 * null for "–".
 */
function readFigure(text) {
  const t = text.trim();
  if (t === '–') return null;
  const number = Number(t.replace('%', '').replace(',', '.'));
  if (Number.isNaN(number)) throw new Error(`not a figure: ${text}`);
  return t.endsWith('%') ? number / 100 : number;
}

/** How close a shown figure must be: half its last shown digit. */
function tolerance(measure) {
  const share = ['zonder-hulp', 'uitval', 'doelrealisatie'].includes(measure);
  return share ? 0.005 + 1e-9 : 0.05 + 1e-9;
}

const MONTH_COLUMNS = 'o.started, o.mean_wait_days, o.ended, o.without_help, o.client_grade, o.client_responses, o.uitval, o.doelrealisatie';

/** A wijk's months of results over its last twelve months with results. */
function wijkYear(wijk) {
  const name = wijk.replace(/'/g, "''");
  const from = `outcome_period o JOIN team t ON t.id = o.team_id JOIN wijk w ON w.id = t.wijk_id WHERE w.name = '${name}'`;
  return query(`SELECT ${MONTH_COLUMNS} FROM ${from} AND o.month IN
    (SELECT DISTINCT o.month FROM ${from} ORDER BY o.month DESC LIMIT 12)`);
}

/** "YYYY-MM" moved by `delta` months. */
function plusMonths(month, delta) {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Each team's months of a doelgroep over the `months` calendar months up to
 * the network's latest month with results.
 */
function teamsOver(doelgroep, months) {
  return groupedOver(doelgroep, months, 't.name');
}

/** The same, added up per wijk: each wijk's months of its teams of the doelgroep. */
function wijkenOver(doelgroep, months) {
  return groupedOver(doelgroep, months, 'w.name');
}

function groupedOver(doelgroep, months, key) {
  const [{ last }] = query('SELECT MAX(month) AS last FROM outcome_period');
  const first = plusMonths(last, 1 - months);
  const rows = query(`SELECT ${key} AS name, ${MONTH_COLUMNS} FROM outcome_period o JOIN team t ON t.id = o.team_id
    JOIN wijk w ON w.id = t.wijk_id
    WHERE t.doelgroep = '${doelgroep}' AND o.month BETWEEN '${first}' AND '${last}'`);
  const grouped = new Map();
  for (const row of rows) {
    if (!grouped.has(row.name)) grouped.set(row.name, []);
    grouped.get(row.name).push(row);
  }
  return grouped;
}

module.exports = { query, totals, shown, readFigure, tolerance, wijkYear, teamsOver, wijkenOver };
