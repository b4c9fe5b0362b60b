//! Baselines and notes on a team's run charts: read per team (or for many
//! teams at once, for the bestuurderstafel's verdicts), added and removed
//! inside the caller's audited transaction.

use super::entity::{canvas, chart_baseline, lesson, month_note};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::chart_marks::{BaselineInput, NoteInput, NoteLink};
use shared::network::Measure;
use shared::stats::chart::{Baseline, MonthNote};
use std::collections::HashMap;

/// The baselines of `team_ids`, per team and measure.
pub async fn baselines(
    db: &impl ConnectionTrait,
    team_ids: &[i32],
) -> Result<HashMap<(i32, Measure), Vec<Baseline>>, DbErr> {
    let mut out: HashMap<(i32, Measure), Vec<Baseline>> = HashMap::new();
    for group in team_ids.chunks(500) {
        for b in chart_baseline::Entity::find()
            .filter(chart_baseline::Column::TeamId.is_in(group.to_vec()))
            .order_by_asc(chart_baseline::Column::Id)
            .all(db)
            .await?
        {
            let (Some(measure), Ok(month)) = (Measure::from_code(&b.measure), b.month.parse())
            else {
                continue;
            };
            out.entry((b.team_id, measure)).or_default().push(Baseline {
                id: b.id,
                month,
                reason: b.reason,
                fixed_after: b.fixed_after.and_then(|n| u32::try_from(n).ok()),
            });
        }
    }
    Ok(out)
}

/// A team's notes per measure, with the title and address of what each
/// links to.
pub async fn notes(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<HashMap<Measure, Vec<MonthNote>>, DbErr> {
    let rows = month_note::Entity::find()
        .filter(month_note::Column::TeamId.eq(team_id))
        .order_by_asc(month_note::Column::Id)
        .all(db)
        .await?;
    let titles = link_titles(db, team_id).await?;
    let mut out: HashMap<Measure, Vec<MonthNote>> = HashMap::new();
    for n in rows {
        let (Some(measure), Ok(month)) = (Measure::from_code(&n.measure), n.month.parse()) else {
            continue;
        };
        let link = match (n.lesson_id, n.canvas_id) {
            (Some(id), _) => Some(NoteLink::Lesson(id)),
            (None, Some(id)) => Some(NoteLink::Canvas(id)),
            _ => None,
        };
        out.entry(measure).or_default().push(MonthNote {
            id: n.id,
            month,
            text: n.body,
            link: link.and_then(|l| {
                let title = titles.iter().find(|(code, _)| *code == l.code())?.1.clone();
                Some((title, page(l)))
            }),
        });
    }
    Ok(out)
}

/// The page of what a note links to.
fn page(link: NoteLink) -> String {
    match link {
        NoteLink::Lesson(id) => format!("/lessen/{id}"),
        NoteLink::Canvas(id) => format!("/canvassen/{id}"),
    }
}

/// What a team's notes may link to: its lessons and canvases, as (code,
/// title), newest first.
pub async fn link_titles(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Vec<(String, String)>, DbErr> {
    let lessons: Vec<(i32, String)> = lesson::Entity::find()
        .select_only()
        .columns([lesson::Column::Id, lesson::Column::Title])
        .filter(lesson::Column::TeamId.eq(team_id))
        .order_by_desc(lesson::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let canvases: Vec<(i32, String)> = canvas::Entity::find()
        .select_only()
        .columns([canvas::Column::Id, canvas::Column::Title])
        .filter(canvas::Column::TeamId.eq(team_id))
        .order_by_desc(canvas::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let t = shared::i18n::t;
    Ok(lessons
        .into_iter()
        .map(|(id, title)| {
            (
                NoteLink::Lesson(id).code(),
                format!("{}: {title}", t(shared::i18n::Text::Lesson)),
            )
        })
        .chain(canvases.into_iter().map(|(id, title)| {
            (
                NoteLink::Canvas(id).code(),
                format!("{}: {title}", t(shared::i18n::Text::Canvas)),
            )
        }))
        .collect())
}

/// Adds a baseline; returns its id.
pub async fn add_baseline(
    db: &impl ConnectionTrait,
    (team_id, measure): (i32, Measure),
    input: &BaselineInput,
    author: i32,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let saved = chart_baseline::ActiveModel {
        team_id: Set(team_id),
        measure: Set(measure.code().to_string()),
        month: Set(input.month.to_string()),
        reason: Set(input.reason.clone()),
        fixed_after: Set(input.fixed_after.map(|n| n as i32)),
        account_id: Set(Some(author)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// Adds a note; returns its id.
pub async fn add_note(
    db: &impl ConnectionTrait,
    (team_id, measure): (i32, Measure),
    input: &NoteInput,
    author: i32,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let (lesson_id, canvas_id) = match input.link {
        Some(NoteLink::Lesson(id)) => (Some(id), None),
        Some(NoteLink::Canvas(id)) => (None, Some(id)),
        None => (None, None),
    };
    let saved = month_note::ActiveModel {
        team_id: Set(team_id),
        measure: Set(measure.code().to_string()),
        month: Set(input.month.to_string()),
        body: Set(input.text.clone()),
        lesson_id: Set(lesson_id),
        canvas_id: Set(canvas_id),
        account_id: Set(Some(author)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

/// A baseline or a note, as a removal names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Baseline,
    Note,
}

impl Mark {
    /// The kind's code in forms and the audit log.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "basislijn" => Some(Mark::Baseline),
            "toelichting" => Some(Mark::Note),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Mark::Baseline => "basislijn",
            Mark::Note => "toelichting",
        }
    }
}

/// A mark's team and measure, for the permission check before it is
/// removed; `None` when it is not there.
pub async fn owner(
    db: &impl ConnectionTrait,
    (mark, id): (Mark, i32),
) -> Result<Option<(i32, Measure)>, DbErr> {
    let row = match mark {
        Mark::Baseline => chart_baseline::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|b| (b.team_id, b.measure)),
        Mark::Note => month_note::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|n| (n.team_id, n.measure)),
    };
    Ok(row.and_then(|(team, code)| Some((team, Measure::from_code(&code)?))))
}

/// Removes a mark; whether it was there.
pub async fn remove(db: &impl ConnectionTrait, (mark, id): (Mark, i32)) -> Result<bool, DbErr> {
    let result = match mark {
        Mark::Baseline => chart_baseline::Entity::delete_by_id(id).exec(db).await?,
        Mark::Note => month_note::Entity::delete_by_id(id).exec(db).await?,
    };
    Ok(result.rows_affected > 0)
}
