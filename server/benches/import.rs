//! How long an import of monthly results takes at national size: a CSV
//! file of 200,000 months (every team of the national network, month after
//! month back from last month) is read, checked against the stored months
//! and previewed, then imported in a transaction that is rolled back, so
//! the database is left as it was. Prints the figures; `.ci/bench` runs it
//! on each backend:
//!
//! ```sh
//! DATABASE_URL=… cargo bench -p server --bench import
//! ```

use sea_orm::{EntityTrait, QuerySelect, TransactionTrait};
use shared::import::results::{self, Context, Scope};
use std::collections::HashSet;
use std::time::Instant;

/// The months of the file (the most a file may hold is 250,000).
const ROWS: usize = 200_000;

fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(measure(&url))
}

async fn measure(url: &str) -> anyhow::Result<()> {
    use app::store::entity::{account, team};
    let db = server::db::connect(url).await?;
    let teams: Vec<i32> = team::Entity::find()
        .select_only()
        .column(team::Column::Id)
        .into_tuple()
        .all(&db)
        .await?;
    let author: i32 = account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .into_tuple()
        .one(&db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account"))?;
    anyhow::ensure!(!teams.is_empty(), "no teams");
    let last_month = app::store::this_month().plus(-1);
    let mut file = String::from(
        "\u{feff}Team;Maand;Gestart;Wachttijd (dagen);Afgesloten;Zonder hulp verder;Reacties cliënten;Cijfer cliënten\r\n",
    );
    // Every team, last month first, then the month before, and so on
    // (at most twenty years back).
    let rows = ROWS.min(teams.len() * 240);
    for k in 0..rows {
        let (team, month) = (
            teams[k % teams.len()],
            last_month.plus(-((k / teams.len()) as i32)),
        );
        let n = (k % 17) as u32 + 3;
        file.push_str(&format!(
            "{team};{month};{n};{},5;{};{};{};7,{}\r\n",
            n + 4,
            n + 1,
            n / 2,
            n % 5 + 1,
            n % 9
        ));
    }
    let bytes = file.into_bytes();

    let start = Instant::now();
    let (_, table) = shared::import::file::read(&bytes).map_err(|m| anyhow::anyhow!("{m}"))?;
    let read = start.elapsed();
    let columns =
        results::columns(&table.header, Scope::Network).map_err(|m| anyhow::anyhow!("{m}"))?;
    let start = Instant::now();
    let existing = app::store::imports::existing_teams(&db, &teams).await?;
    let months: HashSet<shared::Month> = table
        .rows
        .iter()
        .filter_map(|(_, cells)| cells.get(1)?.parse().ok())
        .collect();
    let stored = app::store::imports::stored_months(&db, &teams, &months).await?;
    let loaded = start.elapsed();
    let start = Instant::now();
    let stored_month = |team: i32, month: shared::Month| stored.get(&(team, month)).cloned();
    let exists = |team: i32| existing.contains(&team);
    let checked = results::check(
        &table,
        &columns,
        &Context {
            scope: Scope::Network,
            left_out: shared::i18n::Text::ImportStoredFigure,
            this_month: app::store::this_month(),
            team_exists: &exists,
            stored: &stored_month,
        },
    );
    let preview = results::preview(&table, &columns, &checked, &stored_month);
    let kept: Vec<results::Kept> = checked.rows.iter().map(results::Kept::from).collect();
    let kept_json = serde_json::to_string(&kept)?;
    let checked_in = start.elapsed();

    let rows: Vec<(i32, shared::results::MonthlyResult)> =
        kept.iter().map(results::Kept::result).collect();
    let start = Instant::now();
    let txn = db.begin().await?;
    let in_file = preview.in_file.clone();
    let this_month = app::store::this_month();
    let settle = |imported: &shared::results::MonthlyResult,
                  stored: Option<&shared::results::MonthlyResult>| {
        results::settle(imported, stored, &in_file, this_month)
    };
    let applied =
        app::store::imports::apply(&txn, &rows, &settle, author, chrono::Utc::now(), &|_, _| {})
            .await?;
    let imported = start.elapsed();
    txn.rollback().await?;

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} rows ({} MB, {} teams): read {:.0} ms, stored months loaded {:.0} ms, checked and previewed {:.0} ms ({} accepted, {} refused; kept as {} MB), imported {:.0} ms ({} added, {} corrected, {} unchanged)",
        table.rows.len(),
        bytes.len() / 1_000_000,
        teams.len(),
        ms(read),
        ms(loaded),
        ms(checked_in),
        checked.rows.len(),
        preview.refused_rows,
        kept_json.len() / 1_000_000,
        ms(imported),
        applied.added,
        applied.corrected,
        applied.unchanged,
    );
    Ok(())
}
