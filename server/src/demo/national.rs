//! A national network for benchmarks: every wijk team in the country, and
//! years of its records — deterministic from a seed, scalable, and written
//! through the same store functions as real use (agreements with their
//! versions and search index, lessons, canvases with their saving,
//! knelpunten and support, survey tallies); monthly results go in per team
//! in one statement, with their first version, as a bulk import would.
//! `scale` 1.0 is the country: 342 gemeenten, 3,000 wijken, 15,000 teams,
//! ten years of months, 20 agreements (two versions each) and 10 lessons
//! per team, 100,000 accounts.

use super::{first_day, records, round1, Dice, AGREEMENTS, FIRST_NAMES, LAST_NAMES, LESSONS};
use app::store::entity::{
    account, gemeente, membership, organisation, outcome_period, outcome_version, team, wijk,
};
use app::store::{agreements, canvases, knelpunten, lessons, survey};
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use shared::network::{AccountRole, AgreementStatus, CanvasStatus, Doelgroep, Sector};
use shared::survey::Tally;
use shared::Month;

/// The domain of the generated accounts.
pub const DOMAIN: &str = "landelijk.wijkwijs.nl";
/// The one login of the generated network: a bestuurder.
pub const BESTUURDER: &str = "bestuurder@landelijk.wijkwijs.nl";
/// Teams per transaction.
const BATCH: usize = 50;

/// How large a network to generate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub gemeenten: usize,
    pub wijken: usize,
    pub teams: usize,
    pub months: i32,
    pub agreements: usize,
    pub lessons: usize,
    pub accounts: usize,
    /// The range of a team's typical number of clients a month (each
    /// month varies around it, now and then down to none).
    pub clients_a_month: (f64, f64),
}

impl Scale {
    /// `fraction` of the country (1.0 is all of it); never below one of
    /// each, and always ten years of months.
    pub fn national(fraction: f64) -> Self {
        let part = |n: f64| ((n * fraction).round() as usize).max(1);
        Scale {
            gemeenten: part(342.0),
            wijken: part(3_000.0),
            teams: part(15_000.0),
            months: 120,
            agreements: 20,
            lessons: 10,
            accounts: part(100_000.0),
            clients_a_month: (6.0, 24.0),
        }
    }
}

/// What was generated, for the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Generated {
    pub teams: usize,
    pub months: usize,
    pub agreements: usize,
    pub lessons: usize,
    pub accounts: usize,
}

/// Generates the network unless it is there already (`None` then). The
/// login is made last, so an interrupted run is not taken for a finished
/// one (start it again on an empty database).
pub async fn generate(
    db: &DatabaseConnection,
    seed: u64,
    scale: Scale,
    password: &str,
) -> Result<Option<Generated>, DbErr> {
    if account::Entity::find()
        .filter(account::Column::Email.eq(BESTUURDER))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(None);
    }
    let created_at = Utc.with_ymd_and_hms(2016, 10, 1, 9, 0, 0).unwrap();
    let last = Month::new(2026, 10).expect("a month");
    let first = last.plus(1 - scale.months);
    let mut generated = Generated::default();

    let txn = db.begin().await?;
    let mut organisations = Vec::new();
    for (i, sector) in Sector::ALL.iter().enumerate() {
        organisations.push(
            organisation::ActiveModel {
                name: Set(format!("Landelijke {} {i}", sector.label())),
                sector: Set(sector.code().to_string()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id,
        );
    }
    let mut wijk_ids = Vec::with_capacity(scale.wijken);
    for g in 0..scale.gemeenten {
        let gemeente_id = gemeente::ActiveModel {
            cbs_code: Set(format!("GM{:04}", 5000 + g)),
            name: Set(format!("Gemeente {}", g + 1)),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id;
        // The wijken spread evenly over the gemeenten.
        let from = g * scale.wijken / scale.gemeenten;
        let to = (g + 1) * scale.wijken / scale.gemeenten;
        for w in from..to {
            wijk_ids.push(
                wijk::ActiveModel {
                    gemeente_id: Set(gemeente_id),
                    cbs_code: Set(format!("WK{:06}", 500_000 + w)),
                    name: Set(format!("Wijk {}", w + 1)),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id,
            );
        }
    }
    txn.commit().await?;

    let members_per_team = scale.accounts.div_ceil(scale.teams);
    let setting = Setting {
        organisations: &organisations,
        first,
        scale,
        created_at,
    };
    let mut dice = Dice(seed);
    let started = std::time::Instant::now();
    let mut reported = 0;
    for start in (0..scale.teams).step_by(BATCH) {
        let txn = db.begin().await?;
        for t in start..(start + BATCH).min(scale.teams) {
            let wijk_id = wijk_ids[t * wijk_ids.len() / scale.teams];
            let mut team_dice = Dice(dice.next());
            let members = members_per_team.min(scale.accounts.saturating_sub(generated.accounts));
            let plan = TeamPlan {
                number: t,
                wijk_id,
                members,
            };
            insert_team(&txn, &mut team_dice, plan, setting).await?;
            generated.teams += 1;
            generated.accounts += members;
            generated.months += scale.months as usize;
            generated.agreements += scale.agreements;
            generated.lessons += scale.lessons;
        }
        txn.commit().await?;
        // Progress on stderr every 5% (at scale 1.0 this runs for a
        // quarter of an hour); stdout keeps its one closing line.
        let percent = generated.teams * 100 / scale.teams.max(1);
        if percent >= reported + 5 || generated.teams == scale.teams {
            reported = percent - percent % 5;
            let elapsed = started.elapsed().as_secs_f64();
            let left = elapsed * (scale.teams - generated.teams) as f64 / generated.teams as f64;
            tracing::info!(
                teams = generated.teams,
                of = scale.teams,
                percent,
                seconds = elapsed.round(),
                seconds_left = left.round(),
                "generating the national network"
            );
        }
    }
    supports(db, &mut dice, created_at).await?;
    // The login last: it also marks the network as complete.
    account::ActiveModel {
        email: Set(BESTUURDER.to_string()),
        display_name: Set("Landelijke Bestuurder".to_string()),
        role: Set(AccountRole::Bestuurder.code().to_string()),
        password_hash: Set(Some(app::store::accounts::hash_password(password))),
        active: Set(true),
        created_at: Set(created_at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    generated.accounts += 1;
    Ok(Some(generated))
}

/// What every generated team shares: the organisations its members work
/// for, its first month and sizes, and when its accounts were made.
#[derive(Clone, Copy)]
struct Setting<'a> {
    organisations: &'a [i32],
    first: Month,
    scale: Scale,
    created_at: DateTime<Utc>,
}

/// One team to generate: its number, its wijk and how many members.
struct TeamPlan {
    number: usize,
    wijk_id: i32,
    members: usize,
}

async fn insert_team(
    db: &impl ConnectionTrait,
    dice: &mut Dice,
    TeamPlan {
        number,
        wijk_id,
        members,
    }: TeamPlan,
    Setting {
        organisations,
        first,
        scale,
        created_at,
    }: Setting<'_>,
) -> Result<(), DbErr> {
    let doelgroep = match number % 5 {
        0 | 1 => Doelgroep::Jeugd,
        2 | 3 => Doelgroep::Ouderen,
        _ => Doelgroep::Ggz,
    };
    let team_id = team::ActiveModel {
        wijk_id: Set(wijk_id),
        name: Set(format!("{} {}", doelgroep.label(), number + 1)),
        doelgroep: Set(doelgroep.code().to_string()),
        contact_account_id: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id;
    for m in 0..members {
        let account_id = account::ActiveModel {
            email: Set(format!("lid{m}.team{}@{DOMAIN}", number + 1)),
            display_name: Set(format!(
                "{} {}",
                dice.pick(FIRST_NAMES),
                dice.pick(LAST_NAMES)
            )),
            role: Set(AccountRole::Professional.code().to_string()),
            password_hash: Set(None),
            active: Set(true),
            created_at: Set(created_at),
            ..Default::default()
        }
        .insert(db)
        .await?
        .id;
        membership::ActiveModel {
            team_id: Set(team_id),
            account_id: Set(account_id),
            organisation_id: Set(*dice.pick(organisations)),
            discipline: Set("sociaal werker".to_string()),
            coordinator: Set(m == 0),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }

    // Agreements: a concept first, then in force (two versions each).
    for a in 0..scale.agreements {
        let seed = &AGREEMENTS[a % AGREEMENTS.len()];
        let start = first.plus((dice.unit() * f64::from(scale.months)) as i32);
        let content = |status: AgreementStatus| agreements::AgreementContent {
            theme: seed.theme.code().to_string(),
            title: format!("{} ({})", seed.title, a + 1),
            body: seed.body.to_string(),
            status: status.code().to_string(),
            effective_from: (status != AgreementStatus::Concept).then(|| first_day(start)),
            review_date: Some(first_day(start.plus(12))),
        };
        let (_, saved) = agreements::save(
            db,
            team_id,
            None,
            content(AgreementStatus::Concept),
            None,
            created_at,
        )
        .await?;
        let status = if dice.unit() < 0.85 {
            AgreementStatus::Actief
        } else {
            AgreementStatus::Beeindigd
        };
        agreements::save(
            db,
            team_id,
            Some(saved.id),
            content(status),
            None,
            created_at,
        )
        .await?;
    }
    for l in 0..scale.lessons {
        let seed = &LESSONS[l % LESSONS.len()];
        lessons::save(
            db,
            team_id,
            None,
            lessons::LessonContent {
                source: seed.source.to_string(),
                title: format!("{} ({})", seed.title, l + 1),
                what_happened: seed.what_happened.to_string(),
                what_worked: seed.what_worked.to_string(),
                what_needed: seed.what_needed.to_string(),
                tags: shared::lessons::tags(seed.tags),
                agreement_ids: Vec::new(),
            },
            created_at + Duration::days(dice.between(0.0, 3650.0) as i64),
        )
        .await?;
    }

    // Monthly results with their first version.
    let volume = dice.between(scale.clients_a_month.0, scale.clients_a_month.1);
    let wait = dice.between(8.0, 45.0);
    let share = dice.between(0.55, 0.78);
    let grade = dice.between(6.8, 8.2);
    let rows: Vec<outcome_period::ActiveModel> = (0..scale.months)
        .map(|i| {
            let started = (volume + 2.5 * dice.noise()).round().max(0.0) as i32;
            let ended = (volume + 2.5 * dice.noise()).round().max(0.0) as i32;
            let without = ((f64::from(ended) * (share + 0.06 * dice.noise()).clamp(0.0, 1.0))
                .round() as i32)
                .min(ended);
            let responses = (f64::from(ended) * dice.between(0.6, 0.95)).round() as i32;
            outcome_period::ActiveModel {
                team_id: Set(team_id),
                month: Set(first.plus(i).to_string()),
                started: Set(started),
                mean_wait_days: Set(
                    (started > 0).then(|| round1(wait * (1.0 + 0.12 * dice.noise())).max(0.0))
                ),
                ended: Set(ended),
                without_help: Set(without),
                client_grade: Set(
                    (responses > 0).then(|| round1((grade + 0.3 * dice.noise()).clamp(1.0, 10.0)))
                ),
                client_responses: Set(responses),
                // Jeugd teams record the NJi indicators too.
                uitval: Set((doelgroep == Doelgroep::Jeugd)
                    .then(|| ((f64::from(ended) * 0.1 * dice.unit()).round() as i32).min(ended))),
                doelrealisatie: Set((doelgroep == Doelgroep::Jeugd).then(|| {
                    ((f64::from(ended) * dice.between(0.6, 0.85)).round() as i32).min(ended)
                })),
                ..Default::default()
            }
        })
        .collect();
    outcome_period::Entity::insert_many(rows).exec(db).await?;
    let versions: Vec<outcome_version::ActiveModel> = outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| outcome_version::ActiveModel {
            outcome_period_id: Set(o.id),
            version: Set(1),
            started: Set(o.started),
            mean_wait_days: Set(o.mean_wait_days),
            ended: Set(o.ended),
            without_help: Set(o.without_help),
            client_grade: Set(o.client_grade),
            client_responses: Set(o.client_responses),
            uitval: Set(o.uitval),
            doelrealisatie: Set(o.doelrealisatie),
            author_account_id: Set(None),
            created_at: Set(Some(created_at)),
            ..Default::default()
        })
        .collect();
    outcome_version::Entity::insert_many(versions)
        .exec(db)
        .await?;

    // The survey of the last year, a canvas and a knelpunt.
    let last = first.plus(scale.months - 1);
    for back in 0..12 {
        let respondents = 3 + (dice.unit() * 5.0) as u32;
        let grade = |dice: &mut Dice| (respondents as f64 * dice.between(6.5, 8.5)) as u32;
        let tally = Tally {
            respondents,
            grade_sum: grade(dice),
            item_sums: [0; 4].map(|_| (respondents as f64 * dice.between(3.0, 4.5)) as u32),
        };
        survey::add(db, team_id, last.plus(-back), tally).await?;
    }
    let seed = dice.pick(records::CANVASES);
    canvases::save(
        db,
        team_id,
        None,
        &seed.content(*dice.pick(CanvasStatus::ALL)),
        created_at + Duration::days(dice.between(0.0, 3650.0) as i64),
    )
    .await?;
    let (category, title, description) = *dice.pick(records::KNELPUNTEN);
    knelpunten::raise(
        db,
        team_id,
        category,
        title,
        description,
        created_at + Duration::days(dice.between(0.0, 3650.0) as i64),
    )
    .await?;
    Ok(())
}

/// Every knelpunt gets the support of two other teams.
async fn supports(
    db: &DatabaseConnection,
    dice: &mut Dice,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    use app::store::entity::knelpunt;
    // Each team supports through its coördinator.
    let coordinators: std::collections::HashMap<i32, i32> = membership::Entity::find()
        .filter(membership::Column::Coordinator.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.team_id, m.account_id))
        .collect();
    let mut teams: Vec<i32> = coordinators.keys().copied().collect();
    teams.sort_unstable();
    if teams.len() < 3 {
        return Ok(());
    }
    let all = knelpunt::Entity::find()
        .order_by_asc(knelpunt::Column::Id)
        .all(db)
        .await?;
    for chunk in all.chunks(500) {
        let txn = db.begin().await?;
        for k in chunk {
            let mut chosen: Vec<i32> = Vec::new();
            while chosen.len() < 2 {
                let other = *dice.pick(&teams);
                if other != k.team_id && !chosen.contains(&other) {
                    chosen.push(other);
                }
            }
            for other in chosen {
                knelpunten::support(&txn, k.id, other, coordinators[&other], at).await?;
            }
        }
        txn.commit().await?;
    }
    Ok(())
}
