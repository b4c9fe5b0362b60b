//! Reading the change clock (migrations 11, 17 and 18), which triggers move
//! at every commit that changes what kept pages are made from: the
//! network's count, the count of what every page shares, and each team's
//! own count. Kept results (`insight_cache`) and the network's recent
//! months (`compare`) are made under what it read.

use sea_orm::{ConnectionTrait, DbErr, Statement};

/// What the kept results were made from: the change clock's counts of
/// committed changes (migrations 11 and 17), which every such commit
/// moves, in whatever order they commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Every change to what a kept page shows.
    pub all: i64,
    /// The changes not of one team's own records.
    pub shared: i64,
}

impl Fingerprint {
    /// Scalar subqueries whose BIGINTs are the fingerprint.
    pub const QUERIES: [&'static str; 2] = [
        "SELECT CAST(SUM(tick) AS BIGINT) FROM change_clock",
        "SELECT CAST(SUM(shared) AS BIGINT) FROM change_clock",
    ];

    /// The fingerprint from `QUERIES`' values.
    pub fn from_values(values: &[Option<i64>]) -> Option<Self> {
        match values {
            [Some(all), Some(shared), ..] => Some(Self {
                all: *all,
                shared: *shared,
            }),
            _ => None,
        }
    }

    /// Reads the fingerprint in a query of its own.
    pub async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let row = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT CAST(SUM(tick) AS BIGINT), CAST(SUM(shared) AS BIGINT) FROM change_clock",
            ))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("change clock".into()))?;
        Ok(Self {
            all: row.try_get_by_index(0)?,
            shared: row.try_get_by_index(1)?,
        })
    }
}

/// A mark to read before the teams' counts (`counts_since`): next time,
/// every team's row committed since is among those stamped at or above it
/// (migration 18). On SQLite the clock's count plus one; on PostgreSQL the
/// oldest transaction still running.
pub async fn mark(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Postgres => {
            "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS BIGINT)"
        }
        _ => "SELECT CAST(SUM(tick) AS BIGINT) + 1 FROM change_clock",
    };
    db.query_one(Statement::from_string(backend, sql))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("change clock".into()))?
        .try_get_by_index(0)
}

/// The counts of the teams whose own count moved since `mark` was read
/// (and perhaps a few more); every team's from `i64::MIN`. A team never
/// changed has no count.
pub async fn counts_since(db: &impl ConnectionTrait, mark: i64) -> Result<Vec<(i32, i64)>, DbErr> {
    let backend = db.get_database_backend();
    let sql = "SELECT team_id, tick FROM team_clock WHERE stamp >= $1";
    let rows = db
        .query_all(Statement::from_sql_and_values(
            backend,
            placeholders(backend, sql),
            [mark.into()],
        ))
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get_by_index(0)?, row.try_get_by_index(1)?)))
        .collect()
}

/// The count of a team's own changes (migration 17).
pub async fn team_count(db: &impl ConnectionTrait, team_id: i32) -> Result<i64, DbErr> {
    own_count(
        db,
        "SELECT CAST(COALESCE(SUM(tick), 0) AS BIGINT) FROM team_clock WHERE team_id = $1",
        team_id,
    )
    .await
}

/// The sum of the counts of a wijk's teams' own changes.
pub async fn wijk_count(db: &impl ConnectionTrait, wijk_id: i32) -> Result<i64, DbErr> {
    own_count(
        db,
        "SELECT CAST(COALESCE(SUM(c.tick), 0) AS BIGINT) FROM team_clock c \
         JOIN team t ON t.id = c.team_id WHERE t.wijk_id = $1",
        wijk_id,
    )
    .await
}

async fn own_count(db: &impl ConnectionTrait, sql: &str, id: i32) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let sql = placeholders(backend, sql);
    db.query_one(Statement::from_sql_and_values(backend, sql, [id.into()]))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("team clock".into()))?
        .try_get_by_index(0)
}

/// `sql` with PostgreSQL's `$1` as the backend writes it.
fn placeholders(backend: sea_orm::DatabaseBackend, sql: &str) -> String {
    match backend {
        sea_orm::DatabaseBackend::Postgres => sql.to_owned(),
        _ => sql.replace("$1", "?"),
    }
}
