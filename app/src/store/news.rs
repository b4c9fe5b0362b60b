//! What is new in a team's space for a member since they last marked it
//! seen (`team_visit`): read from the records themselves, so nothing is
//! stored twice and a removed record leaves no stale news.

use super::entity::{
    adoption, agreement, dialogue_note, dialogue_note_knelpunt, dialogue_note_lesson, knelpunt,
    knelpunt_answer, lesson, lesson_reaction, team_message, team_visit,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use shared::i18n::{t, Text};
use shared::news::{NewsItem, NewsKind, TeamNews};
use std::collections::HashMap;

/// Most items a team's news lists.
pub const MAX_ITEMS: usize = 50;

/// When `account_id` last marked `team_id`'s news seen.
pub async fn seen_at(
    db: &impl ConnectionTrait,
    account_id: i32,
    team_id: i32,
) -> Result<Option<team_visit::Model>, DbErr> {
    team_visit::Entity::find()
        .filter(team_visit::Column::AccountId.eq(account_id))
        .filter(team_visit::Column::TeamId.eq(team_id))
        .one(db)
        .await
}

/// Marks everything up to `now` seen; the visit before and after.
pub async fn mark_seen(
    db: &impl ConnectionTrait,
    account_id: i32,
    team_id: i32,
    now: DateTime<Utc>,
) -> Result<(Option<team_visit::Model>, team_visit::Model), DbErr> {
    let before = seen_at(db, account_id, team_id).await?;
    let values = team_visit::ActiveModel {
        account_id: Set(account_id),
        team_id: Set(team_id),
        seen_at: Set(now),
        ..Default::default()
    };
    let after = super::rows::upsert(db, before.as_ref(), values).await?;
    Ok((before, after))
}

/// The news of `team_id` for `account_id` at `now`.
pub async fn for_member(
    db: &impl ConnectionTrait,
    account_id: i32,
    team_id: i32,
    now: DateTime<Utc>,
) -> Result<TeamNews, DbErr> {
    let seen = seen_at(db, account_id, team_id).await?.map(|v| v.seen_at);
    let since = shared::news::since(seen, now, |now, days| now - Duration::days(days));
    Ok(TeamNews {
        team_id,
        items: since_moment(db, team_id, since).await?,
    })
}

/// How many things are new for `account_id` across `teams`.
pub async fn count_for(
    db: &impl ConnectionTrait,
    account_id: i32,
    teams: &[i32],
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let mut count = 0;
    for &team_id in teams {
        count += for_member(db, account_id, team_id, now).await?.items.len();
    }
    Ok(count)
}

/// What other teams and the bestuurderstafel did with `team_id`'s space
/// after `since`.
async fn since_moment(
    db: &impl ConnectionTrait,
    team_id: i32,
    since: DateTime<Utc>,
) -> Result<Vec<NewsItem>, DbErr> {
    let lessons: HashMap<i32, String> = lesson::Entity::find()
        .filter(lesson::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l.title))
        .collect();
    let knelpunten: HashMap<i32, String> = knelpunt::Entity::find()
        .filter(knelpunt::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.title))
        .collect();
    let questions = team_message::Entity::find()
        .filter(team_message::Column::TeamId.eq(team_id))
        .filter(team_message::Column::FromTeamId.ne(team_id))
        .filter(team_message::Column::CreatedAt.gt(since))
        .all(db)
        .await?;
    let reactions = lesson_reaction::Entity::find()
        .filter(lesson_reaction::Column::LessonId.is_in(lessons.keys().copied()))
        .filter(lesson_reaction::Column::TeamId.ne(team_id))
        .filter(lesson_reaction::Column::CreatedAt.gt(since))
        .all(db)
        .await?;
    let adoptions = adoption::Entity::find()
        .filter(adoption::Column::FromTeamId.eq(team_id))
        .filter(adoption::Column::TeamId.ne(team_id))
        .filter(adoption::Column::CreatedAt.gt(since))
        .all(db)
        .await?;
    let answers = knelpunt_answer::Entity::find()
        .filter(knelpunt_answer::Column::KnelpuntId.is_in(knelpunten.keys().copied()))
        .filter(knelpunt_answer::Column::CreatedAt.gt(since))
        .all(db)
        .await?;
    let mut noted: Vec<i32> = dialogue_note_knelpunt::Entity::find()
        .select_only()
        .column(dialogue_note_knelpunt::Column::NoteId)
        .filter(dialogue_note_knelpunt::Column::KnelpuntId.is_in(knelpunten.keys().copied()))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    noted.extend(
        dialogue_note_lesson::Entity::find()
            .select_only()
            .column(dialogue_note_lesson::Column::NoteId)
            .filter(dialogue_note_lesson::Column::LessonId.is_in(lessons.keys().copied()))
            .into_tuple::<i32>()
            .all(db)
            .await?,
    );
    let notes = dialogue_note::Entity::find()
        .filter(dialogue_note::Column::Id.is_in(noted))
        .filter(dialogue_note::Column::CreatedAt.gt(since))
        .all(db)
        .await?;
    let adopted_titles: HashMap<i32, String> = agreement::Entity::find()
        .filter(agreement::Column::Id.is_in(adoptions.iter().map(|a| a.agreement_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect();
    let mut teams: Vec<i32> = questions.iter().map(|q| q.from_team_id).collect();
    teams.extend(reactions.iter().map(|r| r.team_id));
    teams.extend(adoptions.iter().map(|a| a.team_id));
    let names = super::teams::team_names(db, &teams).await?;
    let name = |id: i32| names.get(&id).cloned().unwrap_or_default();

    let mut items = Vec::new();
    for q in questions {
        items.push(NewsItem {
            kind: NewsKind::Question,
            at: shared::clock::local_timestamp(q.created_at),
            by: name(q.from_team_id),
            about: String::new(),
            href: format!("/teams/{team_id}/vragen"),
        });
    }
    for r in reactions {
        items.push(NewsItem {
            kind: NewsKind::LessonReaction,
            at: shared::clock::local_timestamp(r.created_at),
            by: name(r.team_id),
            about: lessons.get(&r.lesson_id).cloned().unwrap_or_default(),
            href: format!("/lessen/{}", r.lesson_id),
        });
    }
    for a in adoptions {
        items.push(NewsItem {
            kind: NewsKind::Adoption,
            at: shared::clock::local_timestamp(a.created_at),
            by: name(a.team_id),
            about: adopted_titles
                .get(&a.agreement_id)
                .cloned()
                .unwrap_or_default(),
            href: format!("/afspraken/{}", a.agreement_id),
        });
    }
    for a in answers {
        items.push(NewsItem {
            kind: NewsKind::KnelpuntAnswer,
            at: shared::clock::local_timestamp(a.created_at),
            by: t(Text::NewsGovernanceTable).to_string(),
            about: knelpunten.get(&a.knelpunt_id).cloned().unwrap_or_default(),
            href: format!("/knelpunten/{}", a.knelpunt_id),
        });
    }
    for n in notes {
        items.push(NewsItem {
            kind: NewsKind::DialogueNote,
            at: shared::clock::local_timestamp(n.created_at),
            by: t(Text::NewsGovernanceTable).to_string(),
            about: shared::format::date(&n.held_on.to_string()),
            href: format!("/overleg/{}", n.id),
        });
    }
    Ok(shared::news::newest_first(items, MAX_ITEMS))
}

/// The visit as the audit log keeps it.
pub fn json(visit: &team_visit::Model) -> String {
    serde_json::json!({ "team_id": visit.team_id, "gezien_tot": visit.seen_at.to_rfc3339() })
        .to_string()
}
