//! The demo network: Zuilen Ondiep (Utrecht) with its two jeugd and five
//! ouderenzorg teams, four more wijken in Utrecht and Groningen, 24 months
//! of plausible results, agreements, lessons, survey answers, canvases,
//! knelpunten, the exchanges between teams and demo accounts. Generated
//! deterministically, loaded in one transaction through the same entities
//! as real data, and only once.

use app::store::accounts::hash_password;
use app::store::agreements;
use app::store::entity::{account, gemeente, membership, organisation, outcome_period, team, wijk};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use shared::network::{AccountRole, AgreementStatus, AgreementTheme, Doelgroep, Sector};
use shared::Month;

pub mod national;
mod records;

/// The one password of every demo login (see README).
pub const DEMO_PASSWORD: &str = "Wijkwijs-demo-2026";
/// Every demo account's e-mail ends with this.
pub const DEMO_DOMAIN: &str = "demo.wijkwijs.nl";
/// The last month with demo results; fixed so the demo never changes.
pub const LAST_MONTH: (i32, u8) = (2026, 10);
pub const MONTHS: i32 = 24;

#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    Now,
    Already,
}

struct WijkSeed {
    cbs_code: &'static str,
    name: &'static str,
    teams: &'static [(&'static str, Doelgroep)],
}

struct GemeenteSeed {
    cbs_code: &'static str,
    name: &'static str,
    wijken: &'static [WijkSeed],
}

/// The demo network. Wijk codes are illustrative, in the CBS form.
const NETWORK: &[GemeenteSeed] = &[
    GemeenteSeed {
        cbs_code: "GM0344",
        name: "Utrecht",
        wijken: &[
            WijkSeed {
                cbs_code: "WK034403",
                name: "Zuilen Ondiep",
                teams: &[
                    ("Jeugd Zuilen", Doelgroep::Jeugd),
                    ("Jeugd Ondiep", Doelgroep::Jeugd),
                    ("Ouderen Elinkwijk", Doelgroep::Ouderen),
                    ("Ouderen Geuzenwijk", Doelgroep::Ouderen),
                    ("Ouderen Lauwerecht", Doelgroep::Ouderen),
                    ("Ouderen Ondiep", Doelgroep::Ouderen),
                    ("Ouderen Schaakbuurt", Doelgroep::Ouderen),
                ],
            },
            WijkSeed {
                cbs_code: "WK034404",
                name: "Overvecht",
                teams: &[
                    ("Jeugd Overvecht-Noord", Doelgroep::Jeugd),
                    ("Jeugd Overvecht-Zuid", Doelgroep::Jeugd),
                    ("Ouderen Overvecht", Doelgroep::Ouderen),
                ],
            },
            WijkSeed {
                cbs_code: "WK034406",
                name: "Kanaleneiland",
                teams: &[
                    ("Jeugd Kanaleneiland", Doelgroep::Jeugd),
                    ("Ouderen Kanaleneiland", Doelgroep::Ouderen),
                ],
            },
        ],
    },
    GemeenteSeed {
        cbs_code: "GM0014",
        name: "Groningen",
        wijken: &[
            WijkSeed {
                cbs_code: "WK001404",
                name: "Oosterparkwijk",
                teams: &[
                    ("Jeugd Oosterpark", Doelgroep::Jeugd),
                    ("Ouderen Oosterpark", Doelgroep::Ouderen),
                    ("GGZ Oosterpark", Doelgroep::Ggz),
                ],
            },
            WijkSeed {
                cbs_code: "WK001410",
                name: "Vinkhuizen",
                teams: &[
                    ("Jeugd Vinkhuizen", Doelgroep::Jeugd),
                    ("Ouderen Vinkhuizen", Doelgroep::Ouderen),
                ],
            },
        ],
    },
];

const ORGANISATIONS: &[(&str, Sector)] = &[
    ("Huisartsenpraktijk De Linde", Sector::Huisartsenzorg),
    ("Basisschool De Regenboog", Sector::Onderwijs),
    ("Jeugdgezondheidszorg Regio", Sector::Jeugdhulp),
    ("Buurtteam Jeugd en Gezin", Sector::Jeugdhulp),
    ("Welzijn in de Wijk", Sector::Welzijn),
    ("Wijkverpleging Thuis Dichtbij", Sector::Wijkverpleging),
    ("GGZ Wijkteam Centraal", Sector::Ggz),
    ("Gemeente – Sociaal Domein", Sector::Gemeente),
    ("Schuldhulp Samen", Sector::Schuldhulp),
    ("Zorggroep Ouder Worden", Sector::Ouderenzorg),
];

/// Disciplines in a team of each doelgroep, with the organisation they
/// work for (index into `ORGANISATIONS`).
fn disciplines(doelgroep: Doelgroep) -> &'static [(&'static str, usize)] {
    match doelgroep {
        Doelgroep::Jeugd => &[
            ("Sociaal werker", 3),
            ("Huisarts", 0),
            ("POH-GGZ", 0),
            ("Jeugdarts", 2),
            ("Intern begeleider", 1),
        ],
        Doelgroep::Ouderen => &[
            ("Wijkverpleegkundige", 5),
            ("Huisarts", 0),
            ("Ouderenadviseur", 4),
            ("Casemanager dementie", 9),
        ],
        _ => &[
            ("Sociaal psychiatrisch verpleegkundige", 6),
            ("POH-GGZ", 0),
            ("Schuldhulpverlener", 8),
            ("Sociaal werker", 4),
        ],
    }
}

const FIRST_NAMES: &[&str] = &[
    "Anouk", "Bram", "Fatima", "Sanne", "Youssef", "Marieke", "Joost", "Esra", "Pieter", "Lotte",
    "Mohamed", "Ingrid", "Daan", "Naima", "Kees", "Sophie", "Hakan", "Wilma", "Thijs", "Ayla",
];
const LAST_NAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "El Amrani",
    "Bakker",
    "Visser",
    "Yilmaz",
    "Smit",
    "Mulder",
    "de Boer",
    "Bouzid",
    "Meijer",
    "de Groot",
    "Hendriks",
    "Kaya",
    "van Dijk",
    "Dekker",
    "Peters",
    "Vos",
];

struct AgreementSeed {
    theme: AgreementTheme,
    title: &'static str,
    body: &'static str,
}

const AGREEMENTS: &[AgreementSeed] = &[
    AgreementSeed {
        theme: AgreementTheme::Visie,
        title: "Eén gezin, één plan, één regisseur",
        body: "Als er meer dan één professional bij een huishouden betrokken is, spreken we binnen twee weken af wie de regie heeft. Er komt één plan, dat het huishouden zelf mee opstelt.",
    },
    AgreementSeed {
        theme: AgreementTheme::Visie,
        title: "Normaliseren waar het kan",
        body: "We kijken eerst wat iemand zelf, het eigen netwerk, de school of de huisarts kan, voordat we specialistische hulp inzetten.",
    },
    AgreementSeed {
        theme: AgreementTheme::Communicatie,
        title: "Terugbellen binnen één werkdag",
        body: "Wie door een collega uit het team wordt gebeld of gemaild, reageert binnen één werkdag, ook als het antwoord nog niet compleet is.",
    },
    AgreementSeed {
        theme: AgreementTheme::Communicatie,
        title: "Warme overdracht",
        body: "Verwijzen doen we niet met alleen een formulier: de verwijzer belt de nieuwe hulpverlener en stelt die samen met de cliënt voor.",
    },
    AgreementSeed {
        theme: AgreementTheme::Werkwijze,
        title: "Casusoverleg om de week",
        body: "Om de week op dinsdagochtend bespreken we nieuwe en vastgelopen situaties. Iedereen mag een situatie inbrengen, zonder naam en met toestemming.",
    },
    AgreementSeed {
        theme: AgreementTheme::Werkwijze,
        title: "Aanmelding binnen vijf werkdagen opgepakt",
        body: "Een aanmelding wordt binnen vijf werkdagen opgepakt door wie het eerst kan. De wachttijd houden we maandelijks bij en bespreken we in het team.",
    },
    AgreementSeed {
        theme: AgreementTheme::Techniek,
        title: "Beveiligd berichtenkanaal",
        body: "Voor overleg over cliënten gebruiken we alleen het beveiligde berichtenkanaal van het netwerk, nooit gewone e-mail of een chat-app.",
    },
    AgreementSeed {
        theme: AgreementTheme::Techniek,
        title: "Gedeelde teamagenda",
        body: "Overleggen, bereikbaarheid en vervanging staan in één gedeelde agenda, zodat iedereen weet wie wanneer te bereiken is.",
    },
    AgreementSeed {
        theme: AgreementTheme::Privacy,
        title: "Toestemming vooraf, vastgelegd",
        body: "Voordat we informatie delen, vragen we toestemming en leggen we vast waarvoor. Zonder toestemming bespreken we een situatie alleen anoniem.",
    },
    AgreementSeed {
        theme: AgreementTheme::Opschaling,
        title: "Opschalen binnen 48 uur",
        body: "Lukt het niet binnen het team, dan legt de regisseur de situatie binnen 48 uur voor aan de coördinator, die zo nodig de gemeente of een specialist inschakelt.",
    },
];

struct LessonSeed {
    source: &'static str,
    title: &'static str,
    what_happened: &'static str,
    what_worked: &'static str,
    what_needed: &'static str,
    tags: &'static str,
}

const LESSONS: &[LessonSeed] = &[
    LessonSeed {
        source: "casusbespreking",
        title: "Huisarts eerder aan tafel",
        what_happened: "Bij een huishouden met veel betrokken hulpverleners kwam de huisarts pas na maanden in beeld, terwijl die het huishouden al jaren kende.",
        what_worked: "Door de huisarts bij het eerste overleg uit te nodigen, was er binnen een week een gedeeld beeld en één plan.",
        what_needed: "Tijd en vergoeding voor huisartsen om aan te sluiten bij het overleg.",
        tags: "huisarts,regie",
    },
    LessonSeed {
        source: "maatwerk",
        title: "Eenmalige oplossing in plaats van herhaalde respijtzorg",
        what_happened: "Een gezin had steeds opnieuw logeeropvang nodig, omdat de woning niet paste bij de zorg die een kind nodig had.",
        what_worked: "Een eenmalige aanpassing van € 1.200 bleek beter en goedkoper dan telkens opnieuw respijtzorg.",
        what_needed: "Ruimte in de regels om budget over wetten en domeinen heen in te zetten.",
        tags: "maatwerk,financiering",
    },
    LessonSeed {
        source: "intervisie",
        title: "Privacy hoeft delen niet te blokkeren",
        what_happened: "Professionals deelden uit voorzichtigheid geen informatie, ook waar de cliënt dat juist wilde.",
        what_worked: "Een korte toestemmingsverklaring in gewone taal, die de cliënt zelf ondertekent.",
        what_needed: "Eén toestemmingsformulier voor de hele regio.",
        tags: "privacy,toestemming",
    },
    LessonSeed {
        source: "evaluatie",
        title: "Vast belmoment scheelt wachttijd",
        what_happened: "Aanmeldingen bleven liggen omdat niemand wist wie ze moest oppakken.",
        what_worked: "Een vast dagelijks belmoment van een kwartier waarop nieuwe aanmeldingen worden verdeeld.",
        what_needed: "Bereikbaarheid van alle disciplines op dat moment, ook van de huisartsenpraktijk.",
        tags: "wachttijd,werkwijze",
    },
    LessonSeed {
        source: "casusbespreking",
        title: "Mantelzorger eerder in beeld",
        what_happened: "Een overbelaste mantelzorger kwam pas in beeld toen de situatie thuis al was vastgelopen.",
        what_worked: "De wijkverpleegkundige vraagt bij elk eerste huisbezoek hoe het met de mantelzorger gaat en verwijst zo nodig door.",
        what_needed: "Snelle toegang tot respijtzorg zonder lange indicatieprocedure.",
        tags: "mantelzorg,preventie",
    },
];

/// A small deterministic generator (SplitMix64): the same seed always
/// gives the same demo network.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [low, high).
    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// Roughly normal noise with mean 0 and standard deviation 1.
    fn noise(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Loads the demo network unless it is there already.
pub async fn load(db: &DatabaseConnection) -> Result<Loaded, DbErr> {
    let marker = format!("beheerder@{DEMO_DOMAIN}");
    if account::Entity::find()
        .filter(account::Column::Email.eq(marker))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(Loaded::Already);
    }
    let txn = db.begin().await?;
    insert_network(&txn).await?;
    txn.commit().await?;
    Ok(Loaded::Now)
}

async fn insert_network(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let created_at = Utc.with_ymd_and_hms(2024, 10, 1, 9, 0, 0).unwrap();
    for (email, name, role) in [
        ("beheerder", "Demo Beheerder", AccountRole::Beheerder),
        ("bestuurder", "Demo Bestuurder", AccountRole::Bestuurder),
    ] {
        insert_account(
            db,
            &format!("{email}@{DEMO_DOMAIN}"),
            name,
            role,
            true,
            created_at,
        )
        .await?;
    }

    let mut organisation_ids = Vec::new();
    for (name, sector) in ORGANISATIONS {
        let org = organisation::ActiveModel {
            name: Set(name.to_string()),
            sector: Set(sector.code().to_string()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        organisation_ids.push(org.id);
    }

    let mut team_number: u64 = 0;
    for g in NETWORK {
        let gemeente_id = gemeente::ActiveModel {
            cbs_code: Set(g.cbs_code.to_string()),
            name: Set(g.name.to_string()),
            ..Default::default()
        }
        .insert(db)
        .await?
        .id;
        for w in g.wijken {
            let wijk_id = wijk::ActiveModel {
                gemeente_id: Set(gemeente_id),
                cbs_code: Set(w.cbs_code.to_string()),
                name: Set(w.name.to_string()),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id;
            for (name, doelgroep) in w.teams {
                team_number += 1;
                let mut dice = Dice(team_number * 7919);
                insert_team(
                    db,
                    &mut dice,
                    wijk_id,
                    name,
                    *doelgroep,
                    &organisation_ids,
                    created_at,
                )
                .await?;
            }
        }
    }
    records::insert_exchanges(db, created_at).await?;
    Ok(())
}

async fn insert_account(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    role: AccountRole,
    can_log_in: bool,
    created_at: DateTime<Utc>,
) -> Result<i32, DbErr> {
    Ok(account::ActiveModel {
        email: Set(email.to_string()),
        display_name: Set(name.to_string()),
        role: Set(role.code().to_string()),
        password_hash: Set(can_log_in.then(|| hash_password(DEMO_PASSWORD))),
        active: Set(true),
        created_at: Set(created_at),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

/// A team's login slug, e.g. "jeugd-zuilen" for "Jeugd Zuilen".
pub fn team_slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

async fn insert_team(
    db: &impl ConnectionTrait,
    dice: &mut Dice,
    wijk_id: i32,
    name: &str,
    doelgroep: Doelgroep,
    organisation_ids: &[i32],
    created_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let slug = team_slug(name);
    let team_id = team::ActiveModel {
        wijk_id: Set(wijk_id),
        name: Set(name.to_string()),
        doelgroep: Set(doelgroep.code().to_string()),
        contact_account_id: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id;

    // Members: the first two are the team's demo logins (coördinator and
    // teamlid); the others have accounts still to be set up.
    let mut contact = None;
    let mut without_login = Vec::new();
    for (i, (discipline, organisation)) in disciplines(doelgroep).iter().enumerate() {
        let person = format!("{} {}", dice.pick(FIRST_NAMES), dice.pick(LAST_NAMES));
        let email = match i {
            0 => format!("coordinator.{slug}@{DEMO_DOMAIN}"),
            1 => format!("teamlid.{slug}@{DEMO_DOMAIN}"),
            _ => format!("lid{i}.{slug}@{DEMO_DOMAIN}"),
        };
        let account_id = insert_account(
            db,
            &email,
            &person,
            AccountRole::Professional,
            i < 2,
            created_at,
        )
        .await?;
        membership::ActiveModel {
            team_id: Set(team_id),
            account_id: Set(account_id),
            organisation_id: Set(organisation_ids[*organisation]),
            discipline: Set(discipline.to_string()),
            coordinator: Set(i == 0),
            ..Default::default()
        }
        .insert(db)
        .await?;
        contact.get_or_insert(account_id);
        if i >= 2 {
            without_login.push(account_id);
        }
    }
    team::ActiveModel {
        id: Set(team_id),
        contact_account_id: Set(contact),
        ..Default::default()
    }
    .update(db)
    .await?;

    let last = Month::new(LAST_MONTH.0, LAST_MONTH.1).expect("valid month");
    let first = last.plus(1 - MONTHS);
    // Half the teams made an agreement halfway that shortened their wait.
    let improves = dice.unit() < 0.5;
    let change_at = first.plus(MONTHS / 2);

    let chosen: Vec<&AgreementSeed> = AGREEMENTS.iter().filter(|_| dice.unit() < 0.6).collect();
    for (i, seed) in chosen.iter().enumerate() {
        let start = if i == 0 && improves {
            change_at
        } else {
            first.plus((dice.unit() * f64::from(MONTHS)) as i32)
        };
        let status = match dice.unit() {
            x if x < 0.75 => AgreementStatus::Actief,
            x if x < 0.92 => AgreementStatus::Concept,
            _ => AgreementStatus::Beeindigd,
        };
        agreements::save(
            db,
            team_id,
            None,
            agreements::AgreementContent {
                theme: seed.theme.code().to_string(),
                title: seed.title.to_string(),
                body: seed.body.to_string(),
                status: status.code().to_string(),
                effective_from: (status != AgreementStatus::Concept).then(|| first_day(start)),
                review_date: Some(first_day(start.plus(12))),
            },
            None,
            created_at,
        )
        .await?;
    }

    for (i, seed) in LESSONS.iter().enumerate() {
        if dice.unit() < 0.5 && i > 0 {
            continue;
        }
        app::store::lessons::save(
            db,
            team_id,
            None,
            app::store::lessons::LessonContent {
                source: seed.source.to_string(),
                title: seed.title.to_string(),
                what_happened: seed.what_happened.to_string(),
                what_worked: seed.what_worked.to_string(),
                what_needed: seed.what_needed.to_string(),
                tags: shared::lessons::tags(seed.tags),
                agreement_ids: Vec::new(),
            },
            created_at + chrono::Duration::days(30 * i as i64 + 3),
        )
        .await?;
    }

    let (volume, wait) = match doelgroep {
        Doelgroep::Jeugd => (dice.between(8.0, 16.0), dice.between(25.0, 45.0)),
        Doelgroep::Ouderen => (dice.between(10.0, 24.0), dice.between(8.0, 20.0)),
        _ => (dice.between(6.0, 12.0), dice.between(30.0, 50.0)),
    };
    let without_help = dice.between(0.55, 0.78);
    let grade = dice.between(6.8, 8.2);
    let rows: Vec<outcome_period::ActiveModel> = (0..MONTHS)
        .map(|i| {
            let month = first.plus(i);
            let better = improves && month >= change_at;
            let started = (volume + 2.5 * dice.noise()).round().max(0.0) as i32;
            let ended = (volume + 2.5 * dice.noise()).round().max(0.0) as i32;
            let wait_factor = if better { 0.75 } else { 1.0 };
            let share = (without_help + if better { 0.08 } else { 0.0 } + 0.06 * dice.noise())
                .clamp(0.0, 1.0);
            let without = ((f64::from(ended) * share).round() as i32).min(ended);
            let responses = (f64::from(ended) * dice.between(0.6, 0.95)).round() as i32;
            let client_grade = (grade + 0.3 * dice.noise()).clamp(1.0, 10.0);
            outcome_period::ActiveModel {
                team_id: Set(team_id),
                month: Set(month.to_string()),
                started: Set(started),
                mean_wait_days: Set((started > 0)
                    .then(|| round1(wait * wait_factor * (1.0 + 0.12 * dice.noise())).max(0.0))),
                ended: Set(ended),
                without_help: Set(without),
                client_grade: Set((responses > 0).then(|| round1(client_grade))),
                client_responses: Set(responses),
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
    records::insert_team_records(db, team_id, &without_login, created_at).await?;
    Ok(())
}

fn first_day(month: Month) -> NaiveDate {
    NaiveDate::from_ymd_opt(month.year(), u32::from(month.month()), 1).expect("valid date")
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Every demo login: (e-mail, what it is), for the README and tests.
pub fn logins() -> Vec<(String, String)> {
    let mut logins = vec![
        (format!("beheerder@{DEMO_DOMAIN}"), "beheerder".to_string()),
        (
            format!("bestuurder@{DEMO_DOMAIN}"),
            "bestuurder".to_string(),
        ),
    ];
    for g in NETWORK {
        for w in g.wijken {
            for (name, _) in w.teams {
                let slug = team_slug(name);
                logins.push((
                    format!("coordinator.{slug}@{DEMO_DOMAIN}"),
                    format!("coördinator {name}"),
                ));
                logins.push((
                    format!("teamlid.{slug}@{DEMO_DOMAIN}"),
                    format!("teamlid {name}"),
                ));
            }
        }
    }
    logins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zuilen_ondiep_has_two_jeugd_and_five_ouderen_teams() {
        let zo = NETWORK
            .iter()
            .flat_map(|g| g.wijken)
            .find(|w| w.name == "Zuilen Ondiep")
            .unwrap();
        let count = |d| zo.teams.iter().filter(|(_, t)| *t == d).count();
        assert_eq!((count(Doelgroep::Jeugd), count(Doelgroep::Ouderen)), (2, 5));
        assert!(NETWORK.len() >= 2);
        assert!(NETWORK.iter().map(|g| g.wijken.len()).sum::<usize>() >= 4);
    }

    #[test]
    fn dice_are_deterministic() {
        let (mut a, mut b) = (Dice(42), Dice(42));
        assert_eq!((a.next(), a.unit()), (b.next(), b.unit()));
        assert_eq!(team_slug("Jeugd Overvecht-Noord"), "jeugd-overvecht-noord");
    }
}
