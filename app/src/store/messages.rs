//! Threads between two teams: each pair of teams shares one thread, read
//! only by the members of those two teams.

use super::entity::team_message;
use super::teams::team_names;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::dto::{MessageView, Thread};
use std::collections::BTreeMap;

pub async fn send(
    db: &impl ConnectionTrait,
    to_team: i32,
    from_team: i32,
    account_id: i32,
    body: &str,
    now: DateTime<Utc>,
) -> Result<team_message::Model, DbErr> {
    team_message::ActiveModel {
        team_id: Set(to_team),
        from_team_id: Set(from_team),
        account_id: Set(Some(account_id)),
        body: Set(body.trim().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The threads of `team` with each of `partners` (every partner when
/// `None`: for the team's own members), oldest message first.
pub async fn threads(
    db: &impl ConnectionTrait,
    team: i32,
    partners: Option<&[i32]>,
) -> Result<Vec<Thread>, DbErr> {
    // An outsider whose teams have no partners here sees no threads.
    if partners.is_some_and(<[i32]>::is_empty) {
        return Ok(Vec::new());
    }
    let mut condition = Condition::any()
        .add(team_message::Column::TeamId.eq(team))
        .add(team_message::Column::FromTeamId.eq(team));
    if let Some(partners) = partners {
        condition = Condition::all().add(condition).add(
            Condition::any()
                .add(team_message::Column::TeamId.is_in(partners.to_vec()))
                .add(team_message::Column::FromTeamId.is_in(partners.to_vec())),
        );
    }
    let messages = team_message::Entity::find()
        .filter(condition)
        .order_by_asc(team_message::Column::CreatedAt)
        .order_by_asc(team_message::Column::Id)
        .all(db)
        .await?;
    let mut ids: Vec<i32> = messages
        .iter()
        .flat_map(|m| [m.team_id, m.from_team_id])
        .collect();
    ids.dedup();
    let names = team_names(db, &ids).await?;
    let authors =
        super::accounts::display_names(db, messages.iter().filter_map(|m| m.account_id)).await?;
    let mut by_partner: BTreeMap<String, Thread> = BTreeMap::new();
    for m in messages {
        let partner = if m.team_id == team {
            m.from_team_id
        } else {
            m.team_id
        };
        let partner_name = names.get(&partner).cloned().unwrap_or_default();
        by_partner
            .entry(partner_name.clone())
            .or_insert_with(|| Thread {
                team_id: partner,
                team_name: partner_name,
                messages: Vec::new(),
            })
            .messages
            .push(MessageView {
                from_team: names.get(&m.from_team_id).cloned().unwrap_or_default(),
                author: m.account_id.and_then(|id| authors.get(&id).cloned()),
                body: m.body,
                at: shared::clock::local_timestamp(m.created_at),
            });
    }
    Ok(by_partner.into_values().collect())
}
