//! The demo's survey answers, maatwerkcanvassen and knelpunten per team,
//! and the exchanges between teams (support, useful marks, reactions, an
//! adoption, a bestuurder's answer). Drawn from their own dice, so adding
//! them left the rest of the demo unchanged.

use super::{Dice, DEMO_DOMAIN, LAST_MONTH, MONTHS};
use app::store::entity::{account, agreement, knelpunt, lesson, survey_participation, team};
use app::store::{adoptions, canvases, knelpunten, lessons, survey};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::canvas::{CanvasContent, RouteCost};
use shared::network::{AgreementStatus, CanvasStatus, KnelpuntCategory, KnelpuntStatus, Law};
use shared::survey::Tally;
use shared::Month;

pub(super) struct CanvasSeed {
    title: &'static str,
    family_wants: &'static str,
    law: Law,
    law_reason: &'static str,
    regular: RouteCost,
    tailored: RouteCost,
    system_lesson: &'static str,
}

impl CanvasSeed {
    /// The canvas this seed fills in, with `status`.
    pub(super) fn content(&self, status: CanvasStatus) -> CanvasContent {
        CanvasContent {
            title: self.title.to_string(),
            family_wants: self.family_wants.to_string(),
            law: self.law,
            law_reason: self.law_reason.to_string(),
            regular: self.regular,
            tailored: self.tailored,
            status,
            system_lesson: self.system_lesson.to_string(),
        }
    }
}

pub(super) const CANVASES: &[CanvasSeed] = &[
    CanvasSeed {
        title: "Aanpassing van de woning in plaats van logeeropvang",
        family_wants: "Dat hun zoon thuis kan blijven wonen en niet steeds ergens anders hoeft te logeren.",
        law: Law::Wmo,
        law_reason: "Een woningaanpassing valt onder de Wmo; de gemeente mag maatwerk leveren als dat de zelfredzaamheid vergroot.",
        regular: RouteCost { amount_cents: 45_000, months: Some(12) },
        tailored: RouteCost { amount_cents: 120_000, months: None },
        system_lesson: "Budget voor respijtzorg en woningaanpassing zit in verschillende potjes; één budget per gezin maakt dit soort keuzes makkelijker.",
    },
    CanvasSeed {
        title: "Bijles in plaats van een traject bij de jeugd-GGZ",
        family_wants: "Dat hun dochter weer met plezier naar school gaat.",
        law: Law::Jeugdwet,
        law_reason: "De Jeugdwet laat de gemeente een voorziening op maat inzetten als die het probleem beter oplost.",
        regular: RouteCost { amount_cents: 95_000, months: Some(6) },
        tailored: RouteCost { amount_cents: 18_000, months: Some(6) },
        system_lesson: "Onderwijs en jeugdhulp financieren elkaars oplossingen niet; een gezamenlijk budget zou helpen.",
    },
    CanvasSeed {
        title: "Schuldhulp vóór de ggz-behandeling",
        family_wants: "Rust in huis, zonder dreigende huisuitzetting.",
        law: Law::Participatiewet,
        law_reason: "Bijzondere bijstand onder de Participatiewet kan een schuld saneren als dat verdere hulp voorkomt.",
        regular: RouteCost { amount_cents: 140_000, months: None },
        tailored: RouteCost { amount_cents: 210_000, months: None },
        system_lesson: "",
    },
];

pub(super) const KNELPUNTEN: &[(KnelpuntCategory, &str, &str)] = &[
    (
        KnelpuntCategory::Privacy,
        "Geen gedeeld toestemmingsformulier",
        "Elke organisatie vraagt op een eigen manier toestemming om gegevens te delen. Gezinnen tekenen drie formulieren en professionals weten niet wat ze mogen delen.",
    ),
    (
        KnelpuntCategory::Financiering,
        "Maatwerk loopt vast op verkokerde budgetten",
        "Een goedkopere oplossing buiten de eigen wet kan niet worden betaald, ook als iedereen het erover eens is.",
    ),
    (
        KnelpuntCategory::Capaciteit,
        "Huisartsen hebben geen tijd voor het casusoverleg",
        "Het overleg valt tijdens spreekuren en deelname wordt niet vergoed.",
    ),
    (
        KnelpuntCategory::Onderwijs,
        "School sluit te laat aan",
        "De intern begeleider hoort pas van de hulp als het al misloopt.",
    ),
];

/// A team's survey answers for every demo month (from its members without
/// a login, so the demo logins can still answer), and sometimes a canvas
/// and a knelpunt.
pub(super) async fn insert_team_records(
    db: &impl ConnectionTrait,
    team_id: i32,
    members: &[i32],
    created_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut dice = Dice(u64::try_from(team_id).unwrap_or(0) * 104_729 + 17);
    let last = Month::new(LAST_MONTH.0, LAST_MONTH.1).expect("valid month");
    let mut participations = Vec::new();
    for i in 0..MONTHS {
        let month = last.plus(i - MONTHS + 1);
        let answering: Vec<i32> = members
            .iter()
            .copied()
            .filter(|_| dice.unit() < 0.85)
            .collect();
        let mut tally = Tally::default();
        for account_id in &answering {
            let grade = (7.4 + 1.2 * dice.noise()).round().clamp(1.0, 10.0) as u32;
            let item = |dice: &mut Dice| (3.8 + 0.9 * dice.noise()).round().clamp(1.0, 5.0) as u32;
            let answer = shared::survey::SurveyAnswer {
                month,
                grade,
                items: [
                    item(&mut dice),
                    item(&mut dice),
                    item(&mut dice),
                    item(&mut dice),
                ],
            };
            tally = tally.with(&answer);
            participations.push(survey_participation::ActiveModel {
                team_id: Set(team_id),
                month: Set(month.to_string()),
                account_id: Set(*account_id),
                ..Default::default()
            });
        }
        if tally.respondents > 0 {
            survey::add(db, team_id, month, tally).await?;
        }
    }
    if !participations.is_empty() {
        survey_participation::Entity::insert_many(participations)
            .exec(db)
            .await?;
    }

    if dice.unit() < 0.6 {
        let seed = dice.pick(CANVASES);
        let at = created_at + Duration::days(40 + (dice.unit() * 500.0) as i64);
        let content = seed.content(*dice.pick(CanvasStatus::ALL));
        canvases::save(db, team_id, None, &content, at).await?;
    }
    if dice.unit() < 0.7 {
        let (category, title, description) = *dice.pick(KNELPUNTEN);
        let at = created_at + Duration::days(60 + (dice.unit() * 600.0) as i64);
        knelpunten::raise(db, team_id, category, title, description, at).await?;
    }
    Ok(())
}

/// What teams did with each other's records: support for knelpunten, a
/// bestuurder's answer, useful marks and reactions on lessons, and one
/// lesson adopted as an agreement.
pub(super) async fn insert_exchanges(
    db: &impl ConnectionTrait,
    created_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut dice = Dice(424_242);
    let teams: Vec<i32> = team::Entity::find()
        .order_by_asc(team::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let coordinator = |team: i32| async move {
        let slug = team::Entity::find_by_id(team)
            .one(db)
            .await?
            .map(|t| super::team_slug(&t.name))
            .unwrap_or_default();
        Ok::<_, DbErr>(
            account::Entity::find()
                .filter(account::Column::Email.eq(format!("coordinator.{slug}@{DEMO_DOMAIN}")))
                .one(db)
                .await?
                .map(|a| a.id),
        )
    };
    let later = |days: i64| created_at + Duration::days(700 + days);

    let knelpunten = knelpunt::Entity::find()
        .order_by_asc(knelpunt::Column::Id)
        .all(db)
        .await?;
    for (i, k) in knelpunten.iter().enumerate() {
        for &other in teams.iter().filter(|&&t| t != k.team_id) {
            if dice.unit() < 0.25 {
                let by = coordinator(other).await?;
                if let Some(by) = by {
                    knelpunten::support(db, k.id, other, by, later(i as i64)).await?;
                }
            }
        }
    }
    // The bestuurder has put the first knelpunt on the agenda.
    let bestuurder = account::Entity::find()
        .filter(account::Column::Email.eq(format!("bestuurder@{DEMO_DOMAIN}")))
        .one(db)
        .await?
        .map(|a| a.id);
    if let (Some(first), Some(bestuurder)) = (knelpunten.first(), bestuurder) {
        knelpunten::answer(
            db,
            first,
            bestuurder,
            KnelpuntStatus::Geagendeerd,
            "Staat op de agenda van de bestuurderstafel van volgende maand; we vragen de privacy-officers om één regionaal formulier voor te bereiden.",
            later(30),
        )
        .await?;
    }

    let all_lessons = lesson::Entity::find()
        .order_by_asc(lesson::Column::Id)
        .all(db)
        .await?;
    for (i, l) in all_lessons.iter().enumerate() {
        for &other in teams.iter().filter(|&&t| t != l.team_id) {
            if dice.unit() < 0.08 {
                lessons::mark_useful(db, l.id, other, later(i as i64)).await?;
            }
        }
    }
    if let Some(l) = all_lessons.first() {
        if let Some(&other) = teams.iter().find(|&&t| t != l.team_id) {
            if let Some(by) = coordinator(other).await? {
                lessons::react(
                    db,
                    l.id,
                    other,
                    by,
                    "Herkenbaar. Wij nodigen de huisarts voortaan ook uit bij het eerste overleg.",
                    later(10),
                )
                .await?;
                adoptions::adopt(
                    db,
                    adoptions::Source::Lesson(l),
                    other,
                    "werkwijze",
                    by,
                    later(12),
                )
                .await?;
            }
        }
    }
    // One active agreement adopted by a team elsewhere.
    let first_active = agreement::Entity::find()
        .filter(agreement::Column::Status.eq(AgreementStatus::Actief.code()))
        .order_by_asc(agreement::Column::Id)
        .one(db)
        .await?;
    if let Some(a) = first_active {
        if let Some(&other) = teams.iter().rev().find(|&&t| t != a.team_id) {
            if let Some(by) = coordinator(other).await? {
                let theme = a.theme.clone();
                adoptions::adopt(
                    db,
                    adoptions::Source::Agreement(&a),
                    other,
                    &theme,
                    by,
                    later(14),
                )
                .await?;
            }
        }
    }
    Ok(())
}
