//! Reading the network: the overview of gemeenten, wijken and teams, and a
//! team's space. Each read is a fixed number of queries, whatever the size
//! of the network (no query per team).

use super::agreements::agreement_view;
use super::entity::{
    agreement, gemeente, lesson, membership, organisation, outcome_period, team, wijk,
};
use super::teams::{doelgroep, team_ids, teams_in};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::dto::{
    AgreementView, GemeenteOverview, HeadlineFigures, LessonSummary, MemberView, NetworkOverview,
    OutcomeRow, TeamHeadline, TeamSpace, WijkOverview,
};
use shared::network::{AgreementTheme, Measure};
use shared::suppression::SuppressionPolicy;
use shared::Month;
use std::collections::HashMap;

/// How many recent months a team page shows.
pub const RECENT_MONTHS: u64 = 12;

/// A network with more teams than this is not shown whole: the overview
/// first offers its gemeenten to choose from.
pub const OVERVIEW_TEAMS: u64 = 300;

/// Every gemeente, wijk and team with the team's latest headline figures —
/// of the whole network when it is small enough, else of the chosen
/// gemeente (`None` when `gemeente_id` is unknown); a large network without
/// a choice gives its gemeenten with their numbers of wijken and teams.
pub async fn overview(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    policy: SuppressionPolicy,
) -> Result<Option<NetworkOverview>, DbErr> {
    overview_within(db, gemeente_id, policy, OVERVIEW_TEAMS).await
}

/// `overview`, showing a network whole up to `most` teams.
pub async fn overview_within(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    policy: SuppressionPolicy,
    most: u64,
) -> Result<Option<NetworkOverview>, DbErr> {
    use sea_orm::PaginatorTrait;
    let mut gemeenten = gemeente::Entity::find().order_by_asc(gemeente::Column::Name);
    if let Some(g) = gemeente_id {
        gemeenten = gemeenten.filter(gemeente::Column::Id.eq(g));
    }
    let gemeenten = gemeenten.all(db).await?;
    if gemeente_id.is_some() && gemeenten.is_empty() {
        return Ok(None);
    }
    if gemeente_id.is_none() && team::Entity::find().count(db).await? > most {
        return Ok(Some(NetworkOverview {
            gemeenten: Vec::new(),
            chosen: None,
            choose: gemeente_counts(db, gemeenten).await?,
            html: Default::default(),
        }));
    }
    let mut wijken = wijk::Entity::find().order_by_asc(wijk::Column::Name);
    if let Some(g) = gemeente_id {
        wijken = wijken.filter(wijk::Column::GemeenteId.eq(g));
    }
    let wijken = wijken.all(db).await?;
    let scope = teams_in(gemeente_id);
    let teams = scope.clone().all(db).await?;
    let latest: HashMap<i32, outcome_period::Model> = latest_outcomes(db, &scope).await?;
    let surveys = super::survey::at_months(
        db,
        &latest
            .values()
            .map(|o| (o.team_id, o.month.clone()))
            .collect(),
    )
    .await?;

    let mut teams_by_wijk: HashMap<i32, Vec<TeamHeadline>> = HashMap::new();
    for t in teams {
        let headline = TeamHeadline {
            id: t.id,
            name: t.name,
            doelgroep: doelgroep(&t.doelgroep),
            latest: latest
                .get(&t.id)
                .map(|o| headline(o, surveys.get(&t.id).copied(), policy)),
        };
        teams_by_wijk.entry(t.wijk_id).or_default().push(headline);
    }
    let mut wijken_by_gemeente: HashMap<i32, Vec<WijkOverview>> = HashMap::new();
    for w in wijken {
        wijken_by_gemeente
            .entry(w.gemeente_id)
            .or_default()
            .push(WijkOverview {
                id: w.id,
                teams: teams_by_wijk.remove(&w.id).unwrap_or_default(),
                cbs_code: w.cbs_code,
                name: w.name,
            });
    }
    Ok(Some(NetworkOverview {
        gemeenten: gemeenten
            .into_iter()
            .map(|g| GemeenteOverview {
                wijken: wijken_by_gemeente.remove(&g.id).unwrap_or_default(),
                id: g.id,
                cbs_code: g.cbs_code,
                name: g.name,
            })
            .collect(),
        chosen: gemeente_id,
        choose: Vec::new(),
        html: Default::default(),
    }))
}

/// The gemeenten with their numbers of wijken and teams.
async fn gemeente_counts(
    db: &impl ConnectionTrait,
    gemeenten: Vec<gemeente::Model>,
) -> Result<Vec<shared::dto::GemeenteCount>, DbErr> {
    let wijk_of: HashMap<i32, i32> = wijk::Entity::find()
        .select_only()
        .columns([wijk::Column::Id, wijk::Column::GemeenteId])
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut wijken: HashMap<i32, u32> = HashMap::new();
    for g in wijk_of.values() {
        *wijken.entry(*g).or_default() += 1;
    }
    let mut teams: HashMap<i32, u32> = HashMap::new();
    for (wijk_id, n) in team::Entity::find()
        .select_only()
        .column(team::Column::WijkId)
        .column_as(team::Column::Id.count(), "teams")
        .group_by(team::Column::WijkId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
    {
        if let Some(g) = wijk_of.get(&wijk_id) {
            *teams.entry(*g).or_default() += u32::try_from(n).unwrap_or(0);
        }
    }
    Ok(gemeenten
        .into_iter()
        .map(|g| shared::dto::GemeenteCount {
            wijken: wijken.get(&g.id).copied().unwrap_or(0),
            teams: teams.get(&g.id).copied().unwrap_or(0),
            id: g.id,
            cbs_code: g.cbs_code,
            name: g.name,
        })
        .collect())
}

/// Each team's most recent month of results, for the teams of `scope`: the
/// latest month per team (grouped in the database), then those months.
async fn latest_outcomes(
    db: &impl ConnectionTrait,
    scope: &sea_orm::Select<team::Entity>,
) -> Result<HashMap<i32, outcome_period::Model>, DbErr> {
    let latest: HashMap<i32, String> = outcome_period::Entity::find()
        .select_only()
        .column(outcome_period::Column::TeamId)
        .column_as(outcome_period::Column::Month.max(), "month")
        .filter(outcome_period::Column::TeamId.in_subquery(team_ids(scope)))
        .group_by(outcome_period::Column::TeamId)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut months: Vec<&String> = latest.values().collect();
    months.sort();
    months.dedup();
    Ok(outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.in_subquery(team_ids(scope)))
        .filter(outcome_period::Column::Month.is_in(months))
        .all(db)
        .await?
        .into_iter()
        .filter(|o| latest.get(&o.team_id) == Some(&o.month))
        .map(|o| (o.team_id, o))
        .collect())
}

/// A team's space as read by someone outside the team.
pub async fn team_space(
    db: &impl ConnectionTrait,
    team_id: i32,
    policy: SuppressionPolicy,
) -> Result<Option<TeamSpace>, DbErr> {
    let Some(team) = team::Entity::find_by_id(team_id).one(db).await? else {
        return Ok(None);
    };
    let wijk = wijk::Entity::find_by_id(team.wijk_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("wijk {}", team.wijk_id)))?;
    let gemeente = gemeente::Entity::find_by_id(wijk.gemeente_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("gemeente {}", wijk.gemeente_id)))?;

    let members = team_members(db, team_id).await?;
    let contact = team
        .contact_account_id
        .and_then(|id| members.iter().find(|(account, _)| *account == id))
        .map(|(_, m)| m.clone());

    let agreements = agreement::Entity::find()
        .filter(agreement::Column::TeamId.eq(team_id))
        .order_by_asc(agreement::Column::Title)
        .all(db)
        .await?;
    let agreements = AgreementTheme::ALL
        .iter()
        .filter_map(|theme| {
            let of_theme: Vec<AgreementView> = agreements
                .iter()
                .filter(|a| a.theme == theme.code())
                .map(agreement_view)
                .collect();
            (!of_theme.is_empty()).then_some((*theme, of_theme))
        })
        .collect();

    let periods = outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .order_by_desc(outcome_period::Column::Month)
        .limit(RECENT_MONTHS)
        .all(db)
        .await?;
    let results = periods.iter().map(|o| outcome_row(o, policy)).collect();
    let survey = super::survey::recent(db, team_id, RECENT_MONTHS).await?;
    let tally_of = |o: &outcome_period::Model| {
        survey
            .iter()
            .find(|(m, _)| m.to_string() == o.month)
            .map(|(_, t)| *t)
    };
    let latest = periods.first().map(|o| headline(o, tally_of(o), policy));
    let previous = periods.get(1).map(|o| headline(o, tally_of(o), policy));
    let survey = survey
        .into_iter()
        .map(|(m, t)| shared::survey::result(m, t, policy, super::this_month()))
        .collect();

    let lessons = lesson::Entity::find()
        .filter(lesson::Column::TeamId.eq(team_id))
        .order_by_desc(lesson::Column::CreatedAt)
        .order_by_desc(lesson::Column::Id)
        .all(db)
        .await?;
    let useful =
        super::lessons::useful_counts(db, &lessons.iter().map(|l| l.id).collect::<Vec<_>>())
            .await?;
    let lessons = lessons
        .into_iter()
        .map(|l| LessonSummary {
            id: l.id,
            title: l.title,
            what_worked: l.what_worked,
            useful: useful.get(&l.id).copied().unwrap_or(0),
        })
        .collect();

    Ok(Some(TeamSpace {
        id: team.id,
        name: team.name,
        doelgroep: doelgroep(&team.doelgroep),
        wijk_id: wijk.id,
        wijk_name: wijk.name,
        gemeente_name: gemeente.name,
        contact,
        members: members.into_iter().map(|(_, m)| m).collect(),
        agreements,
        results,
        latest,
        previous,
        lessons,
        canvases: super::canvases::of_team(db, team_id).await?,
        knelpunten: super::knelpunten::of_team(db, team_id).await?,
        survey,
        charts: super::series::team_series(db, team_id, policy).await?,
        threads: Vec::new(),
        asking_teams: Vec::new(),
        viewer_coordinates: false,
        viewer_writes: false,
        html: Default::default(),
    }))
}

/// The team's members with their account ids, coordinators first.
async fn team_members(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Vec<(i32, MemberView)>, DbErr> {
    let memberships = membership::Entity::find()
        .filter(membership::Column::TeamId.eq(team_id))
        .all(db)
        .await?;
    let account_ids: Vec<i32> = memberships.iter().map(|m| m.account_id).collect();
    let organisation_ids: Vec<i32> = memberships.iter().map(|m| m.organisation_id).collect();
    let names = super::accounts::display_names(db, account_ids).await?;
    let organisations: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(organisation_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut members: Vec<(i32, MemberView)> = memberships
        .into_iter()
        .map(|m| {
            let view = MemberView {
                account_id: m.account_id,
                name: names.get(&m.account_id).cloned().unwrap_or_default(),
                discipline: m.discipline,
                organisation: organisations
                    .get(&m.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                coordinator: m.coordinator,
            };
            (m.account_id, view)
        })
        .collect();
    members.sort_by(|(_, a), (_, b)| {
        b.coordinator
            .cmp(&a.coordinator)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(members)
}

fn month(code: &str) -> Month {
    code.parse()
        .unwrap_or_else(|_| panic!("outcome_period.month holds {code:?}, not YYYY-MM"))
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

pub(crate) fn headline(
    o: &outcome_period::Model,
    survey: Option<shared::survey::Tally>,
    policy: SuppressionPolicy,
) -> HeadlineFigures {
    HeadlineFigures {
        professional_grade: shared::survey::result(
            month(&o.month),
            survey.unwrap_or_default(),
            policy,
            super::this_month(),
        )
        .grade,
        month: month(&o.month),
        figures: std::array::from_fn(|i| super::series::figure(o, Measure::ALL[i], policy)),
    }
}

fn outcome_row(o: &outcome_period::Model, policy: SuppressionPolicy) -> OutcomeRow {
    let figures = headline(o, None, policy);
    OutcomeRow {
        month: figures.month,
        started: policy.count(count(o.started)),
        mean_wait_days: figures.of(Measure::Wait),
        ended: policy.count(count(o.ended)),
        share_without_help: figures.of(Measure::WithoutHelp),
        client_grade: figures.of(Measure::ClientGrade),
        client_responses: policy.count(count(o.client_responses)),
        uitval: figures.of(Measure::Uitval),
        doelrealisatie: figures.of(Measure::Doelrealisatie),
    }
}
