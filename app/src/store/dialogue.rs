//! Dialogue notes of the bestuurderstafel: a meeting with the knelpunten and
//! lessons it discussed (linked both ways) and its follow-up actions.

use super::entity::{
    dialogue_action, dialogue_note, dialogue_note_knelpunt, dialogue_note_lesson, gemeente,
    knelpunt, lesson,
};
use super::teams::team_names;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::dto::{ActionView, NoteView};
use shared::governance::Note;

fn day((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a checked date")
}

/// Saves a checked note with its links and actions. Call inside a
/// transaction.
pub async fn save(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    note: &Note,
    (knelpunt_ids, lesson_ids): (&[i32], &[i32]),
    author: i32,
    now: DateTime<Utc>,
) -> Result<dialogue_note::Model, DbErr> {
    let saved = dialogue_note::ActiveModel {
        gemeente_id: Set(gemeente_id),
        held_on: Set(day(note.held_on)),
        attendees: Set(note.attendees.clone()),
        conclusions: Set(note.conclusions.clone()),
        account_id: Set(Some(author)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for &knelpunt_id in knelpunt_ids {
        dialogue_note_knelpunt::ActiveModel {
            note_id: Set(saved.id),
            knelpunt_id: Set(knelpunt_id),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for &lesson_id in lesson_ids {
        dialogue_note_lesson::ActiveModel {
            note_id: Set(saved.id),
            lesson_id: Set(lesson_id),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for (position, action) in note.actions.iter().enumerate() {
        dialogue_action::ActiveModel {
            note_id: Set(saved.id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            description: Set(action.description.clone()),
            owner: Set(action.owner.clone()),
            due_on: Set(day(action.due_on)),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(saved)
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<NoteView>, DbErr> {
    let Some(n) = dialogue_note::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let knelpunten = knelpunt::Entity::find()
        .filter(
            knelpunt::Column::Id.is_in(
                dialogue_note_knelpunt::Entity::find()
                    .filter(dialogue_note_knelpunt::Column::NoteId.eq(id))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|l| l.knelpunt_id),
            ),
        )
        .order_by_asc(knelpunt::Column::Id)
        .all(db)
        .await?;
    let lessons = lesson::Entity::find()
        .filter(
            lesson::Column::Id.is_in(
                dialogue_note_lesson::Entity::find()
                    .filter(dialogue_note_lesson::Column::NoteId.eq(id))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|l| l.lesson_id),
            ),
        )
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?;
    let team_ids: Vec<i32> = knelpunten
        .iter()
        .map(|k| k.team_id)
        .chain(lessons.iter().map(|l| l.team_id))
        .collect();
    let teams = team_names(db, &team_ids).await?;
    let team = |id: i32| teams.get(&id).cloned().unwrap_or_default();
    let gemeente = match n.gemeente_id {
        Some(g) => gemeente::Entity::find_by_id(g)
            .one(db)
            .await?
            .map(|g| g.name),
        None => None,
    };
    let author = match n.account_id {
        Some(a) => super::accounts::display_names(db, [a]).await?.remove(&a),
        None => None,
    };
    let actions = dialogue_action::Entity::find()
        .filter(dialogue_action::Column::NoteId.eq(id))
        .order_by_asc(dialogue_action::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|a| ActionView {
            description: a.description,
            owner: a.owner,
            due_on: a.due_on.to_string(),
        })
        .collect();
    Ok(Some(NoteView {
        id: n.id,
        gemeente_id: n.gemeente_id,
        gemeente,
        held_on: n.held_on.to_string(),
        attendees: n.attendees,
        conclusions: n.conclusions,
        author,
        knelpunten: knelpunten
            .into_iter()
            .map(|k| (k.id, k.title, team(k.team_id)))
            .collect(),
        lessons: lessons
            .into_iter()
            .map(|l| (l.id, l.title, team(l.team_id)))
            .collect(),
        actions,
    }))
}

/// The notes that discussed a knelpunt: (note id, ISO date), oldest first.
pub async fn of_knelpunt(
    db: &impl ConnectionTrait,
    knelpunt_id: i32,
) -> Result<Vec<(i32, String)>, DbErr> {
    let note_ids = dialogue_note_knelpunt::Entity::find()
        .filter(dialogue_note_knelpunt::Column::KnelpuntId.eq(knelpunt_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.note_id);
    dated(db, note_ids).await
}

/// The notes that discussed a lesson: (note id, ISO date), oldest first.
pub async fn of_lesson(
    db: &impl ConnectionTrait,
    lesson_id: i32,
) -> Result<Vec<(i32, String)>, DbErr> {
    let note_ids = dialogue_note_lesson::Entity::find()
        .filter(dialogue_note_lesson::Column::LessonId.eq(lesson_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.note_id);
    dated(db, note_ids).await
}

async fn dated(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i32>,
) -> Result<Vec<(i32, String)>, DbErr> {
    Ok(dialogue_note::Entity::find()
        .filter(dialogue_note::Column::Id.is_in(ids))
        .order_by_asc(dialogue_note::Column::HeldOn)
        .order_by_asc(dialogue_note::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n.held_on.to_string()))
        .collect())
}

/// The note as JSON for the audit log.
pub fn json(n: &dialogue_note::Model, note: &Note, links: (&[i32], &[i32])) -> String {
    serde_json::json!({
        "gemeente_id": n.gemeente_id,
        "held_on": n.held_on.to_string(),
        "attendees": n.attendees,
        "conclusions": n.conclusions,
        "knelpunten": links.0,
        "lessons": links.1,
        "actions": note.actions.iter().map(|a| serde_json::json!({
            "description": a.description,
            "owner": a.owner,
            "due_on": day(a.due_on).to_string(),
        })).collect::<Vec<_>>(),
    })
    .to_string()
}
