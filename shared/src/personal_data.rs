//! Personal data in free text. Lessons, agreements, canvases, knelpunten,
//! reactions and threads are read across the network and indexed for
//! search, so a client must never be identifiable in them. A valid BSN
//! (nine digits passing the elfproef) is refused outright; what looks like
//! a date of birth, a phone number, an e-mail address, a postcode or a
//! street with a house number is refused until the writer confirms it is
//! no client's. Ordinary text — amounts, meeting dates, counts, agreement
//! numbers — passes.

use crate::i18n::{t, Text};

/// Something in a text that looks like a client's personal data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A citizen service number: refused, whatever the writer says.
    Bsn,
    BirthDate,
    Phone,
    Email,
    Address,
}

impl Finding {
    /// What the writer reads at the field.
    pub fn message(self) -> &'static str {
        t(match self {
            Finding::Bsn => Text::PersonalDataBsn,
            Finding::BirthDate => Text::PersonalDataBirthDate,
            Finding::Phone => Text::PersonalDataPhone,
            Finding::Email => Text::PersonalDataEmail,
            Finding::Address => Text::PersonalDataAddress,
        })
    }
}

/// The form field (a checkbox) by which a writer confirms that what looked
/// like personal data is none of a client's.
pub const CHECK_FIELD: &str = "personal_data_checked";

/// Whether `text` holds a valid BSN: refused in every free text
/// (`validation::text`).
pub fn has_bsn(text: &str) -> bool {
    bsn(&tokens(text))
}

/// The warnings for a form's free texts, as (field, message): at each
/// field that looks like it holds personal data other than a BSN, and at
/// `CHECK_FIELD`; none once the writer has confirmed.
pub fn warnings<'a>(
    fields: &[(&'a str, &str)],
    confirmed: bool,
    this_year: i32,
) -> Vec<(&'a str, String)> {
    if confirmed {
        return Vec::new();
    }
    let mut out: Vec<(&'a str, String)> = fields
        .iter()
        .filter_map(|&(field, text)| {
            let found: Vec<&str> = findings(text, this_year)
                .into_iter()
                .filter(|f| *f != Finding::Bsn)
                .map(Finding::message)
                .collect();
            (!found.is_empty()).then(|| {
                let hint = t(Text::PersonalDataRemoveOrConfirm);
                (field, format!("{} {hint}", found.join(" ")))
            })
        })
        .collect();
    if !out.is_empty() {
        out.push((CHECK_FIELD, t(Text::PersonalDataCheckOnly).to_string()));
    }
    out
}

/// What a removed passage becomes, everywhere it was.
pub const REDACTED: &str = "[verwijderd]";

/// Fewest characters of a passage to remove (the message says "drie"):
/// shorter ones would take ordinary words and digits with them.
pub const PASSAGE_MIN_CHARS: usize = 3;

/// Checks a passage to remove as typed; the passage trimmed, or the
/// message for its field.
pub fn passage(typed: &str) -> Result<&str, Text> {
    let passage = typed.trim();
    let chars = passage.chars().count();
    if crate::validation::has_control_characters(passage) {
        Err(Text::InvalidControlCharacters)
    } else if chars < PASSAGE_MIN_CHARS {
        Err(Text::RedactPassageTooShort)
    } else if chars > crate::validation::TEXT_MAX_CHARS {
        Err(Text::RedactPassageTooLong)
    } else {
        Ok(passage)
    }
}

/// `text` with every occurrence of `passage` replaced by `REDACTED`;
/// `None` when it holds none.
pub fn redact(text: &str, passage: &str) -> Option<String> {
    (!passage.is_empty() && text.contains(passage)).then(|| text.replace(passage, REDACTED))
}

/// Whether `digits` (nine) pass the elfproef of a BSN.
pub fn is_bsn(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 = digits[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&d, w)| i64::from(d) * w)
        .sum::<i64>()
        - i64::from(digits[8]);
    sum % 11 == 0
}

/// Everything in `text` that looks like personal data, the BSN first.
/// `this_year` tells a birth date from a meeting date: a full date more
/// than two years back, or one after "geboren", is taken for a birth date.
pub fn findings(text: &str, this_year: i32) -> Vec<Finding> {
    let mut found = Vec::new();
    let tokens = tokens(text);
    if bsn(&tokens) {
        found.push(Finding::Bsn);
    }
    if birth_date(text, &tokens, this_year) {
        found.push(Finding::BirthDate);
    }
    if phone(&tokens) {
        found.push(Finding::Phone);
    }
    if text.split_whitespace().any(email) {
        found.push(Finding::Email);
    }
    if address(&tokens) {
        found.push(Finding::Address);
    }
    found
}

/// A run of digits or of letters, with the character before it.
#[derive(Debug)]
struct Token<'a> {
    text: &'a str,
    digits: bool,
    /// The characters between the previous token and this one.
    before: &'a str,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((start, c)) = chars.next() {
        let digits = c.is_ascii_digit();
        if !(digits || c.is_alphabetic()) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let same = if digits {
                next.is_ascii_digit()
            } else {
                next.is_alphabetic()
            };
            if !same {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        out.push(Token {
            text: &text[start..end],
            digits,
            before: &text[gap_start..start],
        });
        gap_start = end;
    }
    out
}

fn digits_of(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Nine digits in a row, or as a BSN is written (1234.56.782, 1234 56 782),
/// that pass the elfproef. Three groups of three with dots are an amount.
fn bsn(tokens: &[Token]) -> bool {
    let joined = |w: &[Token]| -> bool {
        w.iter().all(|t| t.digits) && w[1..].iter().all(|t| t.before == "." || t.before == " ")
    };
    tokens.iter().enumerate().any(|(i, t)| {
        let single = t.digits && t.text.len() == 9 && !t.before.ends_with([',', '.', '€']);
        let grouped = tokens.get(i..i + 3).is_some_and(|w| {
            joined(w)
                && [w[0].text.len(), w[1].text.len(), w[2].text.len()] == [4, 2, 3]
                && w[1].before == w[2].before
        });
        let digits = if single {
            digits_of(t.text)
        } else if grouped {
            tokens[i..i + 3]
                .iter()
                .flat_map(|t| digits_of(t.text))
                .collect()
        } else {
            return false;
        };
        is_bsn(&digits)
    })
}

/// A full date (12-03-2011, 12/3/2011, 12 maart 2011) after "geboren" or
/// "geb.", or more than two years before `this_year`.
/// A month written out, in any language of the interface ("maart",
/// "March"): a lesson may be written in either.
fn is_month_name(word: &str) -> bool {
    crate::month::NAMES.iter().any(|name| {
        crate::i18n::Language::ALL
            .into_iter()
            .any(|language| name.text(language).eq_ignore_ascii_case(word))
    })
}

fn birth_date(text: &str, tokens: &[Token], this_year: i32) -> bool {
    let lower = text.to_lowercase();
    let cue =
        lower.contains("geboren") || lower.contains("geb.") || lower.contains("geboortedatum");
    tokens.windows(3).any(|w| {
        let day = w[0].digits
            && w[0].text.len() <= 2
            && (1..=31).contains(&w[0].text.parse::<u32>().unwrap_or(0));
        let numeric_month = w[1].digits
            && w[1].text.len() <= 2
            && (1..=12).contains(&w[1].text.parse::<u32>().unwrap_or(0))
            && ["-", "/", "."].contains(&w[1].before)
            && w[2].before == w[1].before;
        let named_month =
            !w[1].digits && is_month_name(w[1].text) && w[1].before == " " && w[2].before == " ";
        let year = w[2].digits && w[2].text.len() == 4;
        if !(day && (numeric_month || named_month) && year) {
            return false;
        }
        let year: i32 = w[2].text.parse().unwrap_or(0);
        (1900..=this_year).contains(&year) && (cue || year < this_year - 2)
    })
}

/// A Dutch phone number: 06-12345678, 030 123 45 67, +31 6 12345678.
fn phone(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        if !t.digits {
            return false;
        }
        let international = (t.text == "31" && t.before.ends_with('+')) || t.text == "0031";
        if !(t.text.starts_with('0') || international) {
            return false;
        }
        // The number's groups, joined by a space, dash or brackets.
        let mut digits = t.text.len();
        for next in &tokens[i + 1..] {
            let joined = next.digits
                && !next.before.is_empty()
                && next.before.len() <= 2
                && next
                    .before
                    .chars()
                    .all(|c| matches!(c, ' ' | '-' | '(' | ')'));
            if !joined || digits >= 11 {
                break;
            }
            digits += next.text.len();
        }
        if international {
            digits == 11 || digits == 13
        } else {
            digits == 10
        }
    })
}

/// name@domain.tld
fn email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && domain.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
    })
}

const STREETS: [&str; 16] = [
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "steeg",
    "dreef",
    "hof",
    "pad",
    "markt",
    "plantsoen",
    "boulevard",
    "park",
];

/// A postcode (1234 AB) or a street with a house number (Kastanjelaan 4).
fn address(tokens: &[Token]) -> bool {
    tokens.windows(2).any(|w| {
        let postcode = w[0].digits
            && w[0].text.len() == 4
            && !w[0].text.starts_with('0')
            && !w[1].digits
            && w[1].text.len() == 2
            && w[1].text.chars().all(|c| c.is_ascii_uppercase())
            && (w[1].before.is_empty() || w[1].before == " ");
        let street = !w[0].digits
            && w[0].text.chars().next().is_some_and(char::is_uppercase)
            && w[0].text.chars().count() > 4
            && STREETS
                .iter()
                .any(|s| w[0].text.to_lowercase().ends_with(s))
            && w[1].digits
            && w[1].text.len() <= 4
            && w[1].before == " ";
        postcode || street
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const YEAR: i32 = 2026;

    #[test]
    fn the_elfproef() {
        // 123456782: 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 − 2 = 154 = 14·11.
        assert!(is_bsn(&digits_of("123456782")));
        assert!(is_bsn(&digits_of("111222333")));
        assert!(!is_bsn(&digits_of("123456789")));
        assert!(!is_bsn(&digits_of("000000000")));
    }

    #[test]
    fn the_issues_lesson_is_caught_on_every_count() {
        let text = "Jan Jansen (BSN 123456782, geboren 12-03-2011, Kastanjelaan 4) is bereikbaar op 06-12345678 of jan.jansen@example.nl.";
        assert_eq!(
            findings(text, YEAR),
            vec![
                Finding::Bsn,
                Finding::BirthDate,
                Finding::Phone,
                Finding::Email,
                Finding::Address
            ]
        );
    }

    #[test]
    fn a_warning_asks_for_a_confirmation_and_a_confirmation_ends_it() {
        let fields = [("title", "Overleg"), ("body", "Bel haar op 06-12345678.")];
        let warned = warnings(&fields, false, YEAR);
        assert_eq!(
            warned.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            vec!["body", CHECK_FIELD]
        );
        assert!(warned[0]
            .1
            .starts_with("Deze tekst lijkt een telefoonnummer"));
        assert_eq!(warnings(&fields, true, YEAR), vec![]);
        assert_eq!(
            warnings(&[("body", "Casus besproken.")], false, YEAR),
            vec![]
        );
        // A BSN is no warning: it is refused outright.
        assert_eq!(warnings(&[("body", "BSN 123456782")], false, YEAR), vec![]);
        assert!(has_bsn("BSN 123456782"));
    }

    #[test]
    fn a_redaction_removes_every_occurrence_and_nothing_else() {
        let text = "Jan Jansen belde. Later belde Jan Jansen weer.";
        assert_eq!(
            redact(text, "Jan Jansen").as_deref(),
            Some("[verwijderd] belde. Later belde [verwijderd] weer.")
        );
        assert_eq!(redact(text, "Piet"), None);
        assert_eq!(passage("  Jan  "), Ok("Jan"));
        assert!(passage(" 4 ").is_err());
    }

    #[test]
    fn known_answers() {
        let found = |t: &str| findings(t, YEAR);
        assert_eq!(found("bsn 1234.56.782"), vec![Finding::Bsn]);
        assert_eq!(found("bsn 1234 56 782"), vec![Finding::Bsn]);
        assert_eq!(found("Bel 030 123 45 67"), vec![Finding::Phone]);
        assert_eq!(found("Bel +31 6 12345678"), vec![Finding::Phone]);
        assert_eq!(found("postcode 3552 AB"), vec![Finding::Address]);
        assert_eq!(found("geb. 3 maart 2015"), vec![Finding::BirthDate]);
        assert_eq!(
            found("Sinds 12 maart 2011 in beeld"),
            vec![Finding::BirthDate]
        );
        // Ordinary text.
        for ordinary in [
            "Overleg op 12-03-2026 en op 4 november 2025.",
            "Kosten € 123.456.789 per jaar, of 1.250,00 per maand.",
            "Afspraak 2026-0412 met 12 teams en 350 cliënten.",
            "Casusoverleg om de week, 45 minuten, 6 professionals.",
            "Werkwijze besproken in de Kastanjelaan-vergadering.",
            "Begroting 123456789 euro",
            "Zie 020 en 030 voor de regio's.",
        ] {
            assert_eq!(found(ordinary), vec![], "{ordinary}");
        }
    }

    proptest! {
        #[test]
        fn amounts_counts_dates_and_numbers_are_never_refused(
            amount in 0u64..10_000_000,
            cents in 0u32..100,
            count in 0u32..100_000,
            day in 1u32..=28, month in 1u32..=12, year in (YEAR - 2)..=(YEAR + 1),
            number in 0u32..100_000,
        ) {
            let text = format!(
                "Besparing € {amount},{cents:02} over {count} cliënten; overleg op {day}-{month}-{year}, afspraak nr. {number}."
            );
            prop_assert!(!findings(&text, YEAR).contains(&Finding::Bsn), "{}", text);
            prop_assert_eq!(findings(&text, YEAR), vec![], "{}", text);
        }

        #[test]
        fn every_valid_bsn_is_refused(digits in proptest::collection::vec(0u32..10, 8)) {
            // Complete eight digits to a number passing the elfproef.
            let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
            let last = sum % 11;
            prop_assume!(last < 10 && !(digits.iter().all(|&d| d == 0) && last == 0));
            let bsn: String = digits.iter().chain([&last]).map(|d| d.to_string()).collect();
            let text = format!("Cliënt {bsn} gesproken");
            prop_assert!(findings(&text, YEAR).contains(&Finding::Bsn), "{}", text);
        }
    }
}
