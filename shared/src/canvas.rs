//! The maatwerkcanvas (Doorbraakmethode): a tailored solution judged on the
//! value triangle — what the family wants, whether the law allows it, and
//! what it returns. The return is computed here: the cost of the regular
//! route against the tailored one, never typed.

use crate::i18n::{Message, Text};
use crate::network::{CanvasStatus, Law};
use crate::validation::{text, Problems, TEXT_MAX_CHARS, TITLE_MAX_CHARS};
use serde::{Deserialize, Serialize};

/// Highest amount accepted for one route, in cents (ten million euro).
pub const AMOUNT_MAX_CENTS: i64 = 1_000_000_000;
/// Longest run of a monthly cost, in months (ten years).
pub const MONTHS_MAX: u32 = 120;

/// What a route costs: once, or every month for a number of months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteCost {
    pub amount_cents: i64,
    /// `None` for a one-off cost.
    pub months: Option<u32>,
}

impl RouteCost {
    pub fn total_cents(self) -> i64 {
        self.amount_cents * i64::from(self.months.unwrap_or(1))
    }
}

/// What the tailored route saves against the regular one, in cents
/// (negative when it costs more).
pub fn saving_cents(regular: RouteCost, tailored: RouteCost) -> i64 {
    regular.total_cents() - tailored.total_cents()
}

/// An amount in euro as a Dutch user types it: "1200", "1.200", "1.200,50",
/// "€ 85,5" or "85.50"; in cents.
pub fn money(typed: &str) -> Result<i64, Message> {
    let refuse = || Message::from(Text::InvalidAmount);
    let cleaned: String = typed
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(Text::InvalidAmountMissing.into());
    }
    if cleaned.starts_with('-') {
        return Err(Text::InvalidAmountNegative.into());
    }
    // A comma is the decimal sign; points group thousands. Without a comma,
    // one point followed by one or two digits is a decimal point.
    let (whole, cents) = match cleaned.split_once(',') {
        Some((whole, cents)) => (whole.to_string(), cents.to_string()),
        None => match cleaned.rsplit_once('.') {
            Some((whole, cents)) if (1..=2).contains(&cents.len()) && !whole.contains('.') => {
                (whole.to_string(), cents.to_string())
            }
            _ => (cleaned.clone(), String::new()),
        },
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !grouped_well
        || digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || cents.len() > 2
        || !cents.bytes().all(|b| b.is_ascii_digit())
        || digits.len() > 12
    {
        return Err(refuse());
    }
    let euros: i64 = digits.parse().map_err(|_| refuse())?;
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().map_err(|_| refuse())? * 10,
        _ => cents.parse().map_err(|_| refuse())?,
    };
    let total = euros * 100 + cents;
    if total > AMOUNT_MAX_CENTS {
        return Err(Text::InvalidAmountImplausible.into());
    }
    Ok(total)
}

/// An amount in cents as Dutch money: "€ 1.200,50", "-€ 85,00".
pub fn euro(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let euros = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("{sign}€\u{a0}{grouped},{:02}", cents % 100)
}

/// The cost basis of a route as typed: "eenmalig" or "per-maand".
pub const ONE_OFF: &str = "eenmalig";
pub const MONTHLY: &str = "per-maand";

/// A canvas form as typed: its fields are the form's field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CanvasForm {
    pub title: String,
    pub family_wants: String,
    pub law: String,
    pub law_reason: String,
    pub regular_amount: String,
    pub regular_basis: String,
    pub regular_months: String,
    pub tailored_amount: String,
    pub tailored_basis: String,
    pub tailored_months: String,
    pub status: String,
    pub system_lesson: String,
}

/// A checked canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct CanvasContent {
    pub title: String,
    pub family_wants: String,
    pub law: Law,
    pub law_reason: String,
    pub regular: RouteCost,
    pub tailored: RouteCost,
    pub status: CanvasStatus,
    /// What the system (organisations, gemeente) should learn; may be empty.
    pub system_lesson: String,
}

/// Checks a canvas form: every problem, or the
/// checked canvas.
pub fn canvas(input: &CanvasForm) -> Result<CanvasContent, Problems> {
    let mut problems = Vec::new();
    for (field, value, max) in [
        ("title", &input.title, TITLE_MAX_CHARS),
        ("family_wants", &input.family_wants, TEXT_MAX_CHARS),
        ("law_reason", &input.law_reason, TEXT_MAX_CHARS),
    ] {
        if let Err(m) = text(value, max) {
            problems.push((field, m));
        }
    }
    if input.system_lesson.trim().chars().count() > TEXT_MAX_CHARS {
        problems.push(("system_lesson", Text::InvalidTooLong.with(TEXT_MAX_CHARS)));
    }
    let law = Law::from_code(&input.law);
    if law.is_none() {
        problems.push(("law", Text::InvalidChooseLaw.into()));
    }
    let status = CanvasStatus::from_code(&input.status);
    if status.is_none() {
        problems.push(("status", Text::InvalidChooseStatus.into()));
    }
    let regular = route(
        ("regular_amount", "regular_basis", "regular_months"),
        (
            &input.regular_amount,
            &input.regular_basis,
            &input.regular_months,
        ),
        &mut problems,
    );
    let tailored = route(
        ("tailored_amount", "tailored_basis", "tailored_months"),
        (
            &input.tailored_amount,
            &input.tailored_basis,
            &input.tailored_months,
        ),
        &mut problems,
    );
    match (law, status, regular, tailored) {
        (Some(law), Some(status), Some(regular), Some(tailored)) if problems.is_empty() => {
            Ok(CanvasContent {
                title: input.title.trim().to_string(),
                family_wants: input.family_wants.trim().to_string(),
                law,
                law_reason: input.law_reason.trim().to_string(),
                regular,
                tailored,
                status,
                system_lesson: input.system_lesson.trim().to_string(),
            })
        }
        _ => Err(problems),
    }
}

fn route(
    fields: (&'static str, &'static str, &'static str),
    (amount, basis, months): (&str, &str, &str),
    problems: &mut Problems,
) -> Option<RouteCost> {
    let amount = money(amount).map_err(|m| problems.push((fields.0, m))).ok();
    let months = match (basis, months.trim()) {
        (ONE_OFF, "") => Some(None),
        (ONE_OFF, _) => {
            problems.push((fields.2, Text::InvalidMonthsForOneOff.into()));
            None
        }
        (MONTHLY, typed) => match typed.parse::<u32>() {
            Ok(n) if (1..=MONTHS_MAX).contains(&n) => Some(Some(n)),
            _ => {
                problems.push((fields.2, Text::InvalidMonths.with(MONTHS_MAX)));
                None
            }
        },
        _ => {
            problems.push((fields.1, Text::InvalidChooseBasis.into()));
            None
        }
    };
    Some(RouteCost {
        amount_cents: amount?,
        months: months?,
    })
}

/// The saving of the two routes as typed (amount, basis, months) while the
/// form is being filled in; `None` until both routes are complete and
/// valid. Saving the form checks and explains the rest.
pub fn typed_saving(regular: (&str, &str, &str), tailored: (&str, &str, &str)) -> Option<i64> {
    let mut unexplained = Vec::new();
    let regular = route(("", "", ""), regular, &mut unexplained)?;
    let tailored = route(("", "", ""), tailored, &mut unexplained)?;
    Some(saving_cents(regular, tailored))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn good() -> CanvasForm {
        CanvasForm {
            title: "Aanpassing woning in plaats van logeeropvang".into(),
            family_wants: "Dat hun zoon thuis kan blijven wonen.".into(),
            law: "wmo".into(),
            law_reason: "Woningaanpassing valt onder de Wmo; de gemeente mag maatwerk leveren."
                .into(),
            regular_amount: "450".into(),
            regular_basis: MONTHLY.into(),
            regular_months: "12".into(),
            tailored_amount: "1.200".into(),
            tailored_basis: ONE_OFF.into(),
            tailored_months: "".into(),
            status: "ingediend".into(),
            system_lesson: "".into(),
        }
    }

    #[test]
    fn the_saving_of_the_groningen_example() {
        // One-off €1,200 instead of a year of respite care at €450 a month.
        let checked = canvas(&good()).unwrap();
        assert_eq!(checked.regular.total_cents(), 540_000);
        assert_eq!(checked.tailored.total_cents(), 120_000);
        assert_eq!(saving_cents(checked.regular, checked.tailored), 420_000);
        assert_eq!(euro(420_000), "€\u{a0}4.200,00");
        assert_eq!(euro(-8_550), "-€\u{a0}85,50");
        assert_eq!(euro(5), "€\u{a0}0,05");
        assert_eq!(euro(123_456_789), "€\u{a0}1.234.567,89");
    }

    #[test]
    fn money_as_typed() {
        assert_eq!(money("1200"), Ok(120_000));
        assert_eq!(money("1.200"), Ok(120_000));
        assert_eq!(money("€ 1.200,50"), Ok(120_050));
        assert_eq!(money("85,5"), Ok(8_550));
        assert_eq!(money("85.50"), Ok(8_550));
        assert_eq!(money("0"), Ok(0));
        assert_eq!(money("1.234.567"), Ok(123_456_700));
        for bad in [
            "",
            "-5",
            "12,345",
            "1.20.0",
            "abc",
            "1,2,3",
            "12.5.0",
            ".5",
            "99999999999",
        ] {
            assert!(money(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn each_problem_at_its_field() {
        let fields = |input: &CanvasForm| match canvas(input) {
            Ok(_) => vec![],
            Err(p) => p.into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
        };
        assert_eq!(
            fields(&CanvasForm {
                regular_months: "".into(),
                tailored_amount: "-1".into(),
                law: "".into(),
                ..good()
            }),
            vec!["law", "regular_months", "tailored_amount"]
        );
        assert_eq!(
            fields(&CanvasForm {
                tailored_months: "3".into(),
                family_wants: "".into(),
                ..good()
            }),
            vec!["family_wants", "tailored_months"]
        );
        assert_eq!(
            fields(&CanvasForm {
                regular_basis: "soms".into(),
                ..good()
            }),
            vec!["regular_basis"]
        );
    }

    proptest! {
        #[test]
        fn typed_amounts_round_trip(cents in 0i64..=AMOUNT_MAX_CENTS) {
            let shown = euro(cents);
            let typed = shown.trim_start_matches('€').trim_start_matches('\u{a0}');
            prop_assert_eq!(money(typed), Ok(cents));
        }

        #[test]
        fn the_saving_is_the_difference_of_totals(
            a in 0i64..=AMOUNT_MAX_CENTS, m in proptest::option::of(1u32..=MONTHS_MAX),
            b in 0i64..=AMOUNT_MAX_CENTS, n in proptest::option::of(1u32..=MONTHS_MAX),
        ) {
            let regular = RouteCost { amount_cents: a, months: m };
            let tailored = RouteCost { amount_cents: b, months: n };
            prop_assert_eq!(saving_cents(regular, tailored), -saving_cents(tailored, regular));
            prop_assert_eq!(saving_cents(regular, regular), 0);
            prop_assert!(regular.total_cents() >= a);
        }

        #[test]
        fn the_typed_saving_is_the_saving_a_save_stores(
            regular_amount in "[0-9]{0,7}(,[0-9]{1,2})?|x",
            regular_monthly in any::<bool>(),
            regular_months in "[0-9]{0,3}",
            tailored_amount in "[0-9]{0,7}(,[0-9]{1,2})?|x",
            tailored_monthly in any::<bool>(),
            tailored_months in "[0-9]{0,3}",
        ) {
            let basis = |monthly: bool| if monthly { MONTHLY } else { ONE_OFF };
            let input = CanvasForm {
                regular_amount: regular_amount.clone(),
                regular_basis: basis(regular_monthly).into(),
                regular_months: regular_months.clone(),
                tailored_amount: tailored_amount.clone(),
                tailored_basis: basis(tailored_monthly).into(),
                tailored_months: tailored_months.clone(),
                ..good()
            };
            let stored = canvas(&input).ok().map(|c| saving_cents(c.regular, c.tailored));
            let typed = typed_saving(
                (&regular_amount, basis(regular_monthly), &regular_months),
                (&tailored_amount, basis(tailored_monthly), &tailored_months),
            );
            prop_assert_eq!(typed, stored);
        }
    }

    #[test]
    fn the_typed_saving_waits_for_both_routes() {
        assert_eq!(
            typed_saving(("450", MONTHLY, "12"), ("1.200", ONE_OFF, "")),
            Some(420_000)
        );
        assert_eq!(
            typed_saving(("450", MONTHLY, ""), ("1.200", ONE_OFF, "")),
            None
        );
        assert_eq!(
            typed_saving(("450", MONTHLY, "12"), ("", ONE_OFF, "")),
            None
        );
        assert_eq!(
            typed_saving(("100", ONE_OFF, ""), ("25", MONTHLY, "12")),
            Some(-20_000)
        );
    }
}
