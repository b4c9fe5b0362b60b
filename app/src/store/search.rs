//! The search index of lessons and agreements: kept up to date on every
//! save, queried with every word required. Text and words are normalized
//! the same way (`shared::search`), so accents and case do not matter. A
//! word matches anywhere in the text, through a trigram index: on
//! PostgreSQL over `search_entry.text` itself, on SQLite in the FTS5 table
//! `search_text` kept beside it (same row id).

use super::entity::{search_entry, team, wijk};
use sea_orm::sea_query::{Alias, Condition, Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement,
};
use shared::dto::{SearchHit, SearchQuery};
use std::collections::HashMap;

/// Most hits a search shows.
pub const MAX_HITS: u64 = 50;

/// What kind of record an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Lesson,
    Agreement,
}

impl Kind {
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Lesson => "les",
            Kind::Agreement => "afspraak",
        }
    }
}

/// Puts a record's current text in the index (replacing what was there).
pub async fn index(
    db: &impl ConnectionTrait,
    kind: Kind,
    record_id: i32,
    team_id: i32,
    theme: &str,
    title: &str,
    body: &str,
) -> Result<(), DbErr> {
    let team = team::Entity::find_by_id(team_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("team {team_id}")))?;
    let old: Option<i32> = search_entry::Entity::find()
        .select_only()
        .column(search_entry::Column::Id)
        .filter(search_entry::Column::Kind.eq(kind.code()))
        .filter(search_entry::Column::RecordId.eq(record_id))
        .into_tuple()
        .one(db)
        .await?;
    search_entry::Entity::delete_many()
        .filter(search_entry::Column::Kind.eq(kind.code()))
        .filter(search_entry::Column::RecordId.eq(record_id))
        .exec(db)
        .await?;
    let text = shared::search::normalize(&format!("{title} {body}"));
    let inserted = search_entry::Entity::insert(search_entry::ActiveModel {
        kind: Set(kind.code().to_string()),
        record_id: Set(record_id),
        team_id: Set(team_id),
        theme: Set(theme.to_string()),
        doelgroep: Set(team.doelgroep),
        wijk_id: Set(team.wijk_id),
        title: Set(title.to_string()),
        text: Set(text.clone()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        let sqlite = |sql: &str, values: Vec<sea_orm::Value>| {
            Statement::from_sql_and_values(DatabaseBackend::Sqlite, sql, values)
        };
        if let Some(old) = old {
            db.execute(sqlite(
                "DELETE FROM search_text WHERE rowid = ?",
                vec![old.into()],
            ))
            .await?;
        }
        db.execute(sqlite(
            "INSERT INTO search_text (rowid, text) VALUES (?, ?)",
            vec![inserted.last_insert_id.into(), text.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Records holding every word of the query, within its filters.
pub async fn search(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
) -> Result<Vec<SearchHit>, DbErr> {
    let terms = shared::search::terms(&query.q);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    // Terms hold only letters and digits: nothing to escape.
    let patterns = terms.iter().map(|term| format!("%{term}%"));
    let mut select = search_entry::Entity::find();
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        let mut words = Condition::all();
        for pattern in patterns {
            words = words.add(Expr::col(Alias::new("text")).like(pattern));
        }
        select = select.filter(
            search_entry::Column::Id.in_subquery(
                Query::select()
                    .expr(Expr::cust("rowid"))
                    .from(Alias::new("search_text"))
                    .cond_where(words)
                    .to_owned(),
            ),
        );
    } else {
        for pattern in patterns {
            select = select.filter(search_entry::Column::Text.like(pattern));
        }
    }
    if let Some(kind) = &query.kind {
        select = select.filter(search_entry::Column::Kind.eq(kind.as_str()));
    }
    if let Some(theme) = query.theme {
        select = select.filter(search_entry::Column::Theme.eq(theme.code()));
    }
    if let Some(doelgroep) = query.doelgroep {
        select = select.filter(search_entry::Column::Doelgroep.eq(doelgroep.code()));
    }
    if let Some(wijk) = query.wijk_id {
        select = select.filter(search_entry::Column::WijkId.eq(wijk));
    }
    let entries = select
        .order_by_asc(search_entry::Column::Title)
        .order_by_asc(search_entry::Column::Id)
        .limit(MAX_HITS)
        .all(db)
        .await?;
    let teams =
        super::teams::team_names(db, &entries.iter().map(|e| e.team_id).collect::<Vec<_>>())
            .await?;
    Ok(entries
        .into_iter()
        .map(|e| SearchHit {
            lesson: e.kind == Kind::Lesson.code(),
            id: e.record_id,
            title: e.title,
            team_id: e.team_id,
            team: teams.get(&e.team_id).cloned().unwrap_or_default(),
            theme: shared::network::AgreementTheme::from_code(&e.theme),
        })
        .collect())
}

/// Wijken to filter by: (id, name), by name.
pub async fn wijk_options(db: &impl ConnectionTrait) -> Result<Vec<(i32, String)>, DbErr> {
    let mut wijken: Vec<(i32, String)> = wijk::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, w.name))
        .collect::<HashMap<_, _>>()
        .into_iter()
        .collect();
    wijken.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(wijken)
}
