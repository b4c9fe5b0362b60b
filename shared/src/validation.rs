//! Input rules shared by forms and command-line tools. Each rule returns a
//! catalogue `Message` for the field it guards, never wording of its own.

use crate::i18n::{Message, Text};
use serde::{Deserialize, Serialize};

/// A refused field: its name in the form and what it is told.
pub type Problem = (&'static str, Message);
/// Every refused field of a form.
pub type Problems = Vec<Problem>;

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
pub fn password(candidate: &str) -> Result<(), Message> {
    let chars = candidate.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(Text::InvalidPasswordTooShort.with(PASSWORD_MIN_CHARS))
    } else if chars > PASSWORD_MAX_CHARS {
        Err(Text::InvalidPasswordTooLong.with(PASSWORD_MAX_CHARS))
    } else if is_common_password(candidate) {
        Err(Text::InvalidPasswordCommon.into())
    } else {
        Ok(())
    }
}

/// Whether `candidate` holds a control character other than a line break
/// or a tab: nobody types one, and stored it would differ between the
/// databases (PostgreSQL refuses NUL), so every text refuses it.
pub fn has_control_characters(candidate: &str) -> bool {
    candidate
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Checks that an e-mail address has the form name@domain.
/// Whether `candidate` is a path on this site to send a browser back to:
/// it starts with one `/`, and holds no backslash, whitespace or control
/// character (browsers drop a tab or newline from a `Location`, which
/// would turn `/\t/elders.test` into the other site `//elders.test`).
pub fn is_local_path(candidate: &str) -> bool {
    candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

pub fn email(candidate: &str) -> Result<(), Message> {
    let candidate = candidate.trim();
    let valid = candidate.len() <= 254
        && !candidate.contains(char::is_whitespace)
        && !candidate.contains(char::is_control)
        && candidate.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(())
    } else {
        Err(Text::InvalidEmail.into())
    }
}

/// Longest name of a person, team, wijk, gemeente or organisation.
pub const NAME_MAX_CHARS: usize = 100;

/// Checks a name: not empty, not too long.
pub fn name(candidate: &str) -> Result<(), Message> {
    let chars = candidate.trim().chars().count();
    if has_control_characters(candidate) {
        Err(Text::InvalidControlCharacters.into())
    } else if chars == 0 {
        Err(Text::InvalidNameMissing.into())
    } else if chars > NAME_MAX_CHARS {
        Err(Text::InvalidTooLong.with(NAME_MAX_CHARS))
    } else {
        Ok(())
    }
}

/// Checks a CBS gemeente code: "GM" and four digits, e.g. GM0344.
pub fn gemeente_code(candidate: &str) -> Result<(), Message> {
    cbs_code(candidate, "GM", 4).ok_or_else(|| Text::InvalidGemeenteCode.into())
}

/// Checks a CBS wijk code: "WK" and six digits, e.g. WK034403.
pub fn wijk_code(candidate: &str) -> Result<(), Message> {
    cbs_code(candidate, "WK", 6).ok_or_else(|| Text::InvalidWijkCode.into())
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
pub fn text(candidate: &str, max: usize) -> Result<(), Message> {
    let chars = candidate.trim().chars().count();
    if has_control_characters(candidate) {
        Err(Text::InvalidControlCharacters.into())
    } else if chars == 0 {
        Err(Text::InvalidMissing.into())
    } else if chars > max {
        Err(Text::InvalidTooLongNow.with(max).with(chars))
    } else if crate::personal_data::has_bsn(candidate) {
        Err(Text::PersonalDataBsn.into())
    } else {
        Ok(())
    }
}

/// Longest message: a reaction to a lesson or a message to another team.
pub const MESSAGE_MAX_CHARS: usize = 1000;

/// A short message as typed, at field `body`.
pub fn message(body: &str) -> Problems {
    match text(body, MESSAGE_MAX_CHARS) {
        Ok(()) => vec![],
        Err(m) => vec![("body", m)],
    }
}

/// An optional date as typed (YYYY-MM-DD, as a date field sends it):
/// `Ok(None)` when empty, the date's (year, month, day) when valid.
pub fn date(candidate: &str) -> Result<Option<(i32, u32, u32)>, Message> {
    let candidate = candidate.trim();
    if candidate.is_empty() {
        return Ok(None);
    }
    let message = || Message::from(Text::InvalidDate);
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

/// A collaboration agreement form as typed: its fields are the form's
/// field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgreementForm {
    pub theme: String,
    pub title: String,
    pub body: String,
    pub status: String,
    pub effective_from: String,
    pub review_date: String,
}

/// Every problem with an agreement form, as (field, Dutch message).
pub fn agreement(input: &AgreementForm) -> Problems {
    use crate::network::{AgreementStatus, AgreementTheme};
    let mut problems = Vec::new();
    if AgreementTheme::from_code(&input.theme).is_none() {
        problems.push(("theme", Text::InvalidChooseTheme.into()));
    }
    if AgreementStatus::from_code(&input.status).is_none() {
        problems.push(("status", Text::InvalidChooseStatus.into()));
    }
    if let Err(m) = text(&input.title, TITLE_MAX_CHARS) {
        problems.push(("title", m));
    }
    if let Err(m) = text(&input.body, TEXT_MAX_CHARS) {
        problems.push(("body", m));
    }
    let from = date(&input.effective_from);
    let review = date(&input.review_date);
    if let Err(m) = &from {
        problems.push(("effective_from", m.clone()));
    }
    if let Err(m) = &review {
        problems.push(("review_date", m.clone()));
    }
    if let (Ok(Some(from)), Ok(Some(review))) = (from, review) {
        if review < from {
            problems.push(("review_date", Text::InvalidReviewBeforeStart.into()));
        }
    }
    if input.status == "actief" && matches!(date(&input.effective_from), Ok(None)) {
        problems.push(("effective_from", Text::InvalidActiveWithoutStart.into()));
    }
    problems
}

/// Most clients a team can report in one month.
pub const COUNT_MAX: u32 = 100_000;
/// Longest mean wait accepted, in days (two years).
pub const WAIT_MAX_DAYS: f64 = 730.0;

/// A whole number of clients or responses, as typed.
pub fn count(candidate: &str) -> Result<u32, Message> {
    let candidate = candidate.trim();
    match candidate.parse::<u32>() {
        Ok(n) if n <= COUNT_MAX => Ok(n),
        Ok(_) => Err(Text::InvalidCountTooHigh.with(COUNT_MAX)),
        Err(_) if candidate.is_empty() => Err(Text::InvalidCountMissing.into()),
        Err(_) => Err(Text::InvalidCount.into()),
    }
}

/// An optional whole number: `Ok(None)` when empty.
pub fn optional_count(candidate: &str) -> Result<Option<u32>, Message> {
    if candidate.trim().is_empty() {
        Ok(None)
    } else {
        count(candidate).map(Some)
    }
}

/// A decimal number as typed, with a comma or a point; `Ok(None)` when empty.
pub fn decimal(candidate: &str) -> Result<Option<f64>, Message> {
    let candidate = candidate.trim().replace(',', ".");
    if candidate.is_empty() {
        return Ok(None);
    }
    candidate
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(Some)
        .ok_or_else(|| Text::InvalidNumber.into())
}

/// One month of a team's results as typed: its fields are the form's field
/// names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultsForm {
    pub month: String,
    pub started: String,
    pub mean_wait_days: String,
    pub ended: String,
    pub without_help: String,
    pub client_grade: String,
    pub client_responses: String,
    pub uitval: String,
    pub doelrealisatie: String,
}

/// Checks a month of results: whole counts ≥ 0, a part never above its
/// whole, a mean wait when clients started, a grade 1–10 when clients
/// answered, and no month after `this_month`.
pub fn monthly_result(
    input: &ResultsForm,
    this_month: crate::Month,
) -> Result<crate::results::MonthlyResult, Problems> {
    let mut problems = Vec::new();
    let mut field = |name: &'static str, result: Result<(), Message>| {
        if let Err(message) = result {
            problems.push((name, message));
        }
    };
    let month = input.month.trim().parse::<crate::Month>().ok();
    match month {
        None => field("month", Err(Text::InvalidMonth.into())),
        Some(m) if m > this_month => field("month", Err(Text::InvalidMonthNotOver.into())),
        Some(_) => {}
    }
    let started = count(&input.started);
    let ended = count(&input.ended);
    let without_help = count(&input.without_help);
    let responses = count(&input.client_responses);
    let uitval = optional_count(&input.uitval);
    let doelrealisatie = optional_count(&input.doelrealisatie);
    let wait = decimal(&input.mean_wait_days);
    let grade = decimal(&input.client_grade);
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
                field(name, Err(Text::InvalidPartAboveEnded.with(ended)));
            }
        }
    }
    match (&started, &wait) {
        (Ok(n), Ok(None)) if *n > 0 => {
            field("mean_wait_days", Err(Text::InvalidWaitMissing.into()))
        }
        (Ok(0), Ok(Some(_))) => field("mean_wait_days", Err(Text::InvalidWaitWithoutStarts.into())),
        (_, Ok(Some(w))) if !(0.0..=WAIT_MAX_DAYS).contains(w) => field(
            "mean_wait_days",
            Err(Text::InvalidWaitRange.with(WAIT_MAX_DAYS)),
        ),
        _ => {}
    }
    match (&responses, &grade) {
        (Ok(n), Ok(None)) if *n > 0 => field("client_grade", Err(Text::InvalidGradeMissing.into())),
        (Ok(0), Ok(Some(_))) => field(
            "client_grade",
            Err(Text::InvalidGradeWithoutResponses.into()),
        ),
        (_, Ok(Some(g))) if !(1.0..=10.0).contains(g) => {
            field("client_grade", Err(Text::InvalidGradeRange.into()))
        }
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
mod local_path_tests {
    use super::is_local_path;
    use proptest::prelude::*;

    #[test]
    fn only_paths_on_this_site() {
        assert!(is_local_path("/teams/3?x=1"));
        for other in [
            "//elders.test",
            "/\t/elders.test",
            "/\n",
            "/\\elders.test",
            "https://elders.test",
            "",
            "/ /x",
        ] {
            assert!(!is_local_path(other), "{other:?}");
        }
    }

    proptest! {
        #[test]
        fn a_local_path_never_leaves_the_site(s in "\\PC{0,20}") {
            if is_local_path(&s) {
                // What a browser would make of it, dropping tabs and newlines.
                let seen: String = s.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                prop_assert!(seen.starts_with('/') && !seen.starts_with("//"));
            }
        }
    }
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
        assert!(name("Anouk\0").is_err());
        assert!(text("Regel een\nregel twee\tmet tab", 100).is_ok());
        assert!(text("Nul\u{0}teken", 100).is_err());
        assert!(text("Escape\u{1b}[31m", 100).is_err());
        assert!(email("a\0@buurtzorg.nl").is_err());
        assert!(name("Anouk de Vries").is_ok());
        assert!(name(&"a".repeat(101)).is_err());
        assert!(gemeente_code("GM0344").is_ok());
        assert!(gemeente_code("GM344").is_err());
        assert!(gemeente_code("gm0344").is_err());
        assert!(wijk_code("WK034403").is_ok());
        assert!(wijk_code("WK03440").is_err());
        assert_eq!(date(""), Ok(None));
        let now = crate::Month::new(2026, 11).unwrap();
        let good = ResultsForm {
            month: "2026-10".into(),
            started: "12".into(),
            mean_wait_days: "9,5".into(),
            ended: "20".into(),
            without_help: "15".into(),
            client_grade: "7,8".into(),
            client_responses: "11".into(),
            uitval: "".into(),
            doelrealisatie: "14".into(),
        };
        let valid = monthly_result(&good, now).unwrap();
        assert_eq!(
            (valid.mean_wait_days, valid.client_grade, valid.uitval),
            (Some(9.5), Some(7.8), None)
        );
        let fields = |input: &ResultsForm| match monthly_result(input, now) {
            Ok(_) => vec![],
            Err(problems) => problems.into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        };
        assert_eq!(
            fields(&ResultsForm {
                without_help: "21".into(),
                ..good.clone()
            }),
            vec!["without_help"]
        );
        assert_eq!(
            fields(&ResultsForm {
                month: "2026-12".into(),
                ..good.clone()
            }),
            vec!["month"]
        );
        assert_eq!(
            fields(&ResultsForm {
                client_grade: "11".into(),
                ..good.clone()
            }),
            vec!["client_grade"]
        );
        assert_eq!(
            fields(&ResultsForm {
                started: "-1".into(),
                ..good.clone()
            }),
            vec!["started"]
        );
        assert_eq!(
            fields(&ResultsForm {
                mean_wait_days: "".into(),
                ..good.clone()
            }),
            vec!["mean_wait_days"]
        );
        assert_eq!(
            fields(&ResultsForm {
                started: "0".into(),
                ..good.clone()
            }),
            vec!["mean_wait_days"]
        );
        assert_eq!(
            fields(&ResultsForm {
                started: "0".into(),
                mean_wait_days: "".into(),
                ..good.clone()
            }),
            Vec::<&str>::new()
        );
        assert_eq!(
            fields(&ResultsForm {
                uitval: "3,5".into(),
                ..good.clone()
            }),
            vec!["uitval"]
        );
        assert_eq!(date("2024-02-29"), Ok(Some((2024, 2, 29))));
        assert!(date("2025-02-29").is_err());
        assert!(date("2026-13-01").is_err());
        assert!(date("1-2-3").is_err());
        let good = AgreementForm {
            theme: "communicatie".into(),
            title: "Terugbellen binnen één werkdag".into(),
            body: "Wie gebeld wordt, belt binnen één werkdag terug.".into(),
            status: "actief".into(),
            effective_from: "2026-01-01".into(),
            review_date: "2027-01-01".into(),
        };
        assert!(agreement(&good).is_empty());
        let fields = |input: &AgreementForm| {
            agreement(input)
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&AgreementForm {
                review_date: "2025-01-01".into(),
                ..good.clone()
            }),
            vec!["review_date"]
        );
        assert_eq!(
            fields(&AgreementForm {
                effective_from: "".into(),
                ..good.clone()
            }),
            vec!["effective_from"]
        );
        assert_eq!(
            fields(&AgreementForm {
                theme: "x".into(),
                title: " ".into(),
                ..good.clone()
            }),
            vec!["theme", "title"]
        );
    }

    proptest! {
        #[test]
        fn parts_never_exceed_wholes(ended in 0u32..50, part in 0u32..60, responses in 0u32..30, grade in 0.0f64..12.0) {
            let (e, p, r, g) = (ended.to_string(), part.to_string(), responses.to_string(), format!("{grade:.1}"));
            let input = ResultsForm {
                month: "2026-01".into(), started: "0".into(), mean_wait_days: "".into(), ended: e.clone(), without_help: p.clone(),
                client_grade: if responses > 0 { g.clone() } else { String::new() }, client_responses: r.clone(), uitval: "".into(), doelrealisatie: "".into(),
            };
            if let Ok(valid) = monthly_result(&input, crate::Month::new(2026, 11).unwrap()) {
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
