//! Input rules shared by forms and command-line tools. Each rule returns a
//! Dutch message for the field it guards.

/// Shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted (long passphrases are welcome).
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Passwords too common to accept, whatever their length.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Whether `candidate` is a well-known password or too repetitive to guess
/// slowly (fewer than five different characters).
pub fn is_common_password(candidate: &str) -> bool {
    let lower = candidate.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct.len() < 5 || COMMON_PASSWORDS.lines().any(|common| common == lower)
}

/// Checks a new password; `Err` holds the message for the field.
pub fn password(candidate: &str) -> Result<(), String> {
    let chars = candidate.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(format!(
            "Kies een wachtwoord van minstens {PASSWORD_MIN_CHARS} tekens."
        ))
    } else if chars > PASSWORD_MAX_CHARS {
        Err(format!(
            "Kies een wachtwoord van hoogstens {PASSWORD_MAX_CHARS} tekens."
        ))
    } else if is_common_password(candidate) {
        Err("Dit wachtwoord is te bekend of te eenvoudig. Kies een ander, bijvoorbeeld een zin van een paar woorden.".to_string())
    } else {
        Ok(())
    }
}

/// Checks that an e-mail address has the form name@domain.
pub fn email(candidate: &str) -> Result<(), String> {
    let candidate = candidate.trim();
    let valid = candidate.len() <= 254
        && !candidate.contains(char::is_whitespace)
        && candidate.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(())
    } else {
        Err("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.".to_string())
    }
}

/// Longest name of a person, team, wijk, gemeente or organisation.
pub const NAME_MAX_CHARS: usize = 100;

/// Checks a name: not empty, not too long.
pub fn name(candidate: &str) -> Result<(), String> {
    let chars = candidate.trim().chars().count();
    if chars == 0 {
        Err("Vul een naam in.".to_string())
    } else if chars > NAME_MAX_CHARS {
        Err(format!("Gebruik hoogstens {NAME_MAX_CHARS} tekens."))
    } else {
        Ok(())
    }
}

/// Checks a CBS gemeente code: "GM" and four digits, e.g. GM0344.
pub fn gemeente_code(candidate: &str) -> Result<(), String> {
    cbs_code(candidate, "GM", 4)
        .ok_or_else(|| "Vul een CBS-gemeentecode in: GM en vier cijfers, zoals GM0344.".to_string())
}

/// Checks a CBS wijk code: "WK" and six digits, e.g. WK034403.
pub fn wijk_code(candidate: &str) -> Result<(), String> {
    cbs_code(candidate, "WK", 6)
        .ok_or_else(|| "Vul een CBS-wijkcode in: WK en zes cijfers, zoals WK034403.".to_string())
}

fn cbs_code(candidate: &str, prefix: &str, digits: usize) -> Option<()> {
    let rest = candidate.trim().strip_prefix(prefix)?;
    (rest.len() == digits && rest.bytes().all(|b| b.is_ascii_digit())).then_some(())
}

/// Longest title of an agreement or lesson.
pub const TITLE_MAX_CHARS: usize = 200;
/// Longest free text of an agreement or lesson.
pub const TEXT_MAX_CHARS: usize = 4000;

/// Checks a required text of at most `max` characters, holding no BSN
/// (`personal_data`: free text is read across the network).
pub fn text(candidate: &str, max: usize) -> Result<(), String> {
    let chars = candidate.trim().chars().count();
    if chars == 0 {
        Err("Vul dit veld in.".to_string())
    } else if chars > max {
        Err(format!("Gebruik hoogstens {max} tekens (nu {chars})."))
    } else if crate::personal_data::has_bsn(candidate) {
        Err(crate::personal_data::Finding::Bsn.message().to_string())
    } else {
        Ok(())
    }
}

/// Longest message: a reaction to a lesson or a message to another team.
pub const MESSAGE_MAX_CHARS: usize = 1000;

/// A short message as typed, at field `body`.
pub fn message(body: &str) -> Vec<(&'static str, String)> {
    match text(body, MESSAGE_MAX_CHARS) {
        Ok(()) => vec![],
        Err(m) => vec![("body", m)],
    }
}

/// An optional date as typed (YYYY-MM-DD, as a date field sends it):
/// `Ok(None)` when empty, the date's (year, month, day) when valid.
pub fn date(candidate: &str) -> Result<Option<(i32, u32, u32)>, String> {
    let candidate = candidate.trim();
    if candidate.is_empty() {
        return Ok(None);
    }
    let message = || "Vul een bestaande datum in, zoals 2026-03-01.".to_string();
    let mut parts = candidate.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(message());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(message());
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return Err(message());
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(message()),
    };
    if !(1900..=2200).contains(&year) || day == 0 || day > days {
        return Err(message());
    }
    Ok(Some((year, month, day)))
}

/// What a collaboration agreement form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgreementInput<'a> {
    pub theme: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub status: &'a str,
    pub effective_from: &'a str,
    pub review_date: &'a str,
}

/// Every problem with an agreement form, as (field, Dutch message).
pub fn agreement(input: &AgreementInput) -> Vec<(&'static str, String)> {
    use crate::network::{AgreementStatus, AgreementTheme};
    let mut problems = Vec::new();
    if AgreementTheme::from_code(input.theme).is_none() {
        problems.push(("theme", "Kies een thema.".to_string()));
    }
    if AgreementStatus::from_code(input.status).is_none() {
        problems.push(("status", "Kies een status.".to_string()));
    }
    if let Err(m) = text(input.title, TITLE_MAX_CHARS) {
        problems.push(("title", m));
    }
    if let Err(m) = text(input.body, TEXT_MAX_CHARS) {
        problems.push(("body", m));
    }
    let from = date(input.effective_from);
    let review = date(input.review_date);
    if let Err(m) = &from {
        problems.push(("effective_from", m.clone()));
    }
    if let Err(m) = &review {
        problems.push(("review_date", m.clone()));
    }
    if let (Ok(Some(from)), Ok(Some(review))) = (from, review) {
        if review < from {
            problems.push((
                "review_date",
                "De evaluatie kan niet vóór de ingangsdatum liggen.".to_string(),
            ));
        }
    }
    if input.status == "actief" && matches!(date(input.effective_from), Ok(None)) {
        problems.push((
            "effective_from",
            "Een actieve afspraak heeft een ingangsdatum.".to_string(),
        ));
    }
    problems
}

/// Most clients a team can report in one month.
pub const COUNT_MAX: u32 = 100_000;
/// Longest mean wait accepted, in days (two years).
pub const WAIT_MAX_DAYS: f64 = 730.0;

/// A whole number of clients or responses, as typed.
pub fn count(candidate: &str) -> Result<u32, String> {
    let candidate = candidate.trim();
    match candidate.parse::<u32>() {
        Ok(n) if n <= COUNT_MAX => Ok(n),
        Ok(_) => Err(format!("Vul een aantal tot {COUNT_MAX} in.")),
        Err(_) if candidate.is_empty() => {
            Err("Vul een aantal in (0 als er geen waren).".to_string())
        }
        Err(_) => Err("Vul een heel getal van 0 of meer in.".to_string()),
    }
}

/// An optional whole number: `Ok(None)` when empty.
pub fn optional_count(candidate: &str) -> Result<Option<u32>, String> {
    if candidate.trim().is_empty() {
        Ok(None)
    } else {
        count(candidate).map(Some)
    }
}

/// A decimal number as typed, with a comma or a point; `Ok(None)` when empty.
pub fn decimal(candidate: &str) -> Result<Option<f64>, String> {
    let candidate = candidate.trim().replace(',', ".");
    if candidate.is_empty() {
        return Ok(None);
    }
    candidate
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(Some)
        .ok_or_else(|| "Vul een getal in, zoals 12,5.".to_string())
}

/// One month of a team's results, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutcomeInput<'a> {
    pub month: &'a str,
    pub started: &'a str,
    pub mean_wait_days: &'a str,
    pub ended: &'a str,
    pub without_help: &'a str,
    pub client_grade: &'a str,
    pub client_responses: &'a str,
    pub uitval: &'a str,
    pub doelrealisatie: &'a str,
}

/// Checks a month of results: whole counts ≥ 0, a part never above its
/// whole, a mean wait when clients started, a grade 1–10 when clients
/// answered, and no month after `this_month`.
pub fn outcome(
    input: &OutcomeInput,
    this_month: crate::Month,
) -> Result<crate::results::MonthlyResult, Vec<(&'static str, String)>> {
    let mut problems = Vec::new();
    let mut field = |name: &'static str, result: Result<(), String>| {
        if let Err(message) = result {
            problems.push((name, message));
        }
    };
    let month = input.month.trim().parse::<crate::Month>().ok();
    match month {
        None => field("month", Err("Kies een maand, zoals 2026-10.".to_string())),
        Some(m) if m > this_month => {
            field("month", Err("Deze maand is nog niet voorbij.".to_string()))
        }
        Some(_) => {}
    }
    let started = count(input.started);
    let ended = count(input.ended);
    let without_help = count(input.without_help);
    let responses = count(input.client_responses);
    let uitval = optional_count(input.uitval);
    let doelrealisatie = optional_count(input.doelrealisatie);
    let wait = decimal(input.mean_wait_days);
    let grade = decimal(input.client_grade);
    for (name, result) in [
        ("started", started.clone().map(|_| ())),
        ("ended", ended.clone().map(|_| ())),
        ("without_help", without_help.clone().map(|_| ())),
        ("client_responses", responses.clone().map(|_| ())),
        ("uitval", uitval.clone().map(|_| ())),
        ("doelrealisatie", doelrealisatie.clone().map(|_| ())),
        ("mean_wait_days", wait.clone().map(|_| ())),
        ("client_grade", grade.clone().map(|_| ())),
    ] {
        field(name, result);
    }
    if let Ok(ended) = ended {
        for (name, part) in [
            ("without_help", without_help.clone().ok()),
            ("uitval", uitval.clone().ok().flatten()),
            ("doelrealisatie", doelrealisatie.clone().ok().flatten()),
        ] {
            if part.is_some_and(|p| p > ended) {
                field(
                    name,
                    Err(format!(
                        "Kan niet meer zijn dan het aantal afgesloten cliënten ({ended})."
                    )),
                );
            }
        }
    }
    match (&started, &wait) {
        (Ok(n), Ok(None)) if *n > 0 => field(
            "mean_wait_days",
            Err("Vul de gemiddelde wachttijd in dagen in.".to_string()),
        ),
        (Ok(0), Ok(Some(_))) => field(
            "mean_wait_days",
            Err("Zonder gestarte cliënten is er geen wachttijd; laat dit veld leeg.".to_string()),
        ),
        (_, Ok(Some(w))) if !(0.0..=WAIT_MAX_DAYS).contains(w) => field(
            "mean_wait_days",
            Err(format!(
                "Een wachttijd ligt tussen 0 en {WAIT_MAX_DAYS} dagen."
            )),
        ),
        _ => {}
    }
    match (&responses, &grade) {
        (Ok(n), Ok(None)) if *n > 0 => field(
            "client_grade",
            Err("Vul het gemiddelde cijfer van de cliënten in.".to_string()),
        ),
        (Ok(0), Ok(Some(_))) => field(
            "client_grade",
            Err("Zonder reacties is er geen cijfer; laat dit veld leeg.".to_string()),
        ),
        (_, Ok(Some(g))) if !(1.0..=10.0).contains(g) => field(
            "client_grade",
            Err("Een cijfer ligt tussen 1 en 10.".to_string()),
        ),
        _ => {}
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(crate::results::MonthlyResult {
        month: month.expect("checked"),
        started: started.expect("checked"),
        mean_wait_days: wait.expect("checked"),
        ended: ended.expect("checked"),
        without_help: without_help.expect("checked"),
        client_grade: grade.expect("checked"),
        client_responses: responses.expect("checked"),
        uitval: uitval.expect("checked"),
        doelrealisatie: doelrealisatie.expect("checked"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        assert!(password("kort").is_err());
        assert!(password("twaalf tekens").is_ok());
        assert!(password(&"x".repeat(129)).is_err());
        assert!(
            password(&"lang wachtwoord ".repeat(4)).is_ok(),
            "64 characters are fine"
        );
        assert!(password("Wachtwoord123").is_err());
        assert!(password("aaaaaaaaaaaaaaaa").is_err());
        assert!(password("ababababababab").is_err());
        assert!(email("a.jansen@buurtzorg.nl").is_ok());
        assert!(email("a.jansen").is_err());
        assert!(email("@buurtzorg.nl").is_err());
        assert!(email("a jansen@buurtzorg.nl").is_err());
        assert!(name("  ").is_err());
        assert!(name("Anouk de Vries").is_ok());
        assert!(name(&"a".repeat(101)).is_err());
        assert!(gemeente_code("GM0344").is_ok());
        assert!(gemeente_code("GM344").is_err());
        assert!(gemeente_code("gm0344").is_err());
        assert!(wijk_code("WK034403").is_ok());
        assert!(wijk_code("WK03440").is_err());
        assert_eq!(date(""), Ok(None));
        let now = crate::Month::new(2026, 11).unwrap();
        let good = OutcomeInput {
            month: "2026-10",
            started: "12",
            mean_wait_days: "9,5",
            ended: "20",
            without_help: "15",
            client_grade: "7,8",
            client_responses: "11",
            uitval: "",
            doelrealisatie: "14",
        };
        let valid = outcome(&good, now).unwrap();
        assert_eq!(
            (valid.mean_wait_days, valid.client_grade, valid.uitval),
            (Some(9.5), Some(7.8), None)
        );
        let fields = |input: &OutcomeInput| match outcome(input, now) {
            Ok(_) => vec![],
            Err(problems) => problems.into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        };
        assert_eq!(
            fields(&OutcomeInput {
                without_help: "21",
                ..good.clone()
            }),
            vec!["without_help"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                month: "2026-12",
                ..good.clone()
            }),
            vec!["month"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                client_grade: "11",
                ..good.clone()
            }),
            vec!["client_grade"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                started: "-1",
                ..good.clone()
            }),
            vec!["started"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                mean_wait_days: "",
                ..good.clone()
            }),
            vec!["mean_wait_days"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                started: "0",
                ..good.clone()
            }),
            vec!["mean_wait_days"]
        );
        assert_eq!(
            fields(&OutcomeInput {
                started: "0",
                mean_wait_days: "",
                ..good.clone()
            }),
            Vec::<&str>::new()
        );
        assert_eq!(
            fields(&OutcomeInput {
                uitval: "3,5",
                ..good.clone()
            }),
            vec!["uitval"]
        );
        assert_eq!(date("2024-02-29"), Ok(Some((2024, 2, 29))));
        assert!(date("2025-02-29").is_err());
        assert!(date("2026-13-01").is_err());
        assert!(date("1-2-3").is_err());
        let good = AgreementInput {
            theme: "communicatie",
            title: "Terugbellen binnen één werkdag",
            body: "Wie gebeld wordt, belt binnen één werkdag terug.",
            status: "actief",
            effective_from: "2026-01-01",
            review_date: "2027-01-01",
        };
        assert!(agreement(&good).is_empty());
        let fields = |input: &AgreementInput| {
            agreement(input)
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&AgreementInput {
                review_date: "2025-01-01",
                ..good.clone()
            }),
            vec!["review_date"]
        );
        assert_eq!(
            fields(&AgreementInput {
                effective_from: "",
                ..good.clone()
            }),
            vec!["effective_from"]
        );
        assert_eq!(
            fields(&AgreementInput {
                theme: "x",
                title: " ",
                ..good.clone()
            }),
            vec!["theme", "title"]
        );
    }

    proptest! {
        #[test]
        fn parts_never_exceed_wholes(ended in 0u32..50, part in 0u32..60, responses in 0u32..30, grade in 0.0f64..12.0) {
            let (e, p, r, g) = (ended.to_string(), part.to_string(), responses.to_string(), format!("{grade:.1}"));
            let input = OutcomeInput {
                month: "2026-01", started: "0", mean_wait_days: "", ended: &e, without_help: &p,
                client_grade: if responses > 0 { &g } else { "" }, client_responses: &r, uitval: "", doelrealisatie: "",
            };
            if let Ok(valid) = outcome(&input, crate::Month::new(2026, 11).unwrap()) {
                prop_assert!(valid.without_help <= valid.ended);
                prop_assert!(valid.client_grade.is_none_or(|g| (1.0..=10.0).contains(&g)));
            } else {
                let rounded: f64 = g.parse().unwrap();
                prop_assert!(part > ended || (responses > 0 && !(1.0..=10.0).contains(&rounded)));
            }
        }

        #[test]
        fn a_valid_date_round_trips(y in 1900i32..2200, m in 1u32..=12, d in 1u32..=28) {
            let text = format!("{y:04}-{m:02}-{d:02}");
            prop_assert_eq!(date(&text), Ok(Some((y, m, d))));
        }

        #[test]
        fn text_length_decides(s in "\\PC{0,60}", max in 1usize..50) {
            let n = s.trim().chars().count();
            let bsn = crate::personal_data::has_bsn(&s);
            prop_assert_eq!(text(&s, max).is_ok(), n > 0 && n <= max && !bsn);
        }

        #[test]
        fn password_length_and_commonness_decide(s in "\\PC{0,140}") {
            let n = s.chars().count();
            let acceptable = (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n) && !is_common_password(&s);
            prop_assert_eq!(password(&s).is_ok(), acceptable);
        }
    }
}
