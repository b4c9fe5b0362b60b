//! Lessons a team draws from case discussions, and what other teams do with
//! them (react, find useful, adopt): the rules for what may be recorded.

use crate::network::{AgreementTheme, LessonSource};
use crate::validation::{text, TEXT_MAX_CHARS, TITLE_MAX_CHARS};

/// Most tags on one lesson.
pub const TAGS_MAX: usize = 8;
/// Longest tag.
pub const TAG_MAX_CHARS: usize = 30;
/// Longest reaction to a lesson.
pub const REACTION_MAX_CHARS: usize = crate::validation::MESSAGE_MAX_CHARS;

/// A lesson form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonInput<'a> {
    pub source: &'a str,
    pub title: &'a str,
    pub what_happened: &'a str,
    pub what_worked: &'a str,
    pub what_needed: &'a str,
    pub tags: &'a str,
}

/// Tags as typed ("Huisarts, regie"): trimmed, lower case, without empty
/// ones or repeats, in the order typed.
pub fn tags(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in typed.split(',') {
        let tag = tag.trim().to_lowercase();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Every problem with a lesson form, as (field, Dutch message).
pub fn lesson(input: &LessonInput) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if LessonSource::from_code(input.source).is_none() {
        problems.push(("source", "Kies waar de les uit komt.".to_string()));
    }
    for (field, value, max) in [
        ("title", input.title, TITLE_MAX_CHARS),
        ("what_happened", input.what_happened, TEXT_MAX_CHARS),
        ("what_worked", input.what_worked, TEXT_MAX_CHARS),
        ("what_needed", input.what_needed, TEXT_MAX_CHARS),
    ] {
        if let Err(m) = text(value, max) {
            problems.push((field, m));
        }
    }
    let tags = tags(input.tags);
    if tags.len() > TAGS_MAX {
        problems.push(("tags", format!("Gebruik hoogstens {TAGS_MAX} trefwoorden.")));
    } else if let Some(long) = tags.iter().find(|t| t.chars().count() > TAG_MAX_CHARS) {
        problems.push((
            "tags",
            format!("Het trefwoord \u{201c}{long}\u{201d} is langer dan {TAG_MAX_CHARS} tekens."),
        ));
    }
    problems
}

/// A reaction to a lesson, as typed.
pub fn reaction(body: &str) -> Vec<(&'static str, String)> {
    crate::validation::message(body)
}

/// Adopting a lesson as an agreement: the theme it gets in the adopting team.
pub fn adoption(theme: &str) -> Vec<(&'static str, String)> {
    match AgreementTheme::from_code(theme) {
        Some(_) => vec![],
        None => vec![(
            "theme",
            "Kies een thema voor de nieuwe afspraak.".to_string(),
        )],
    }
}

/// The text of the concept agreement an adopted lesson becomes.
pub fn adopted_agreement_body(what_worked: &str, what_needed: &str) -> String {
    format!(
        "{}\n\nWat daarvoor nodig is: {}",
        what_worked.trim(),
        what_needed.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn good() -> LessonInput<'static> {
        LessonInput {
            source: "casusbespreking",
            title: "Huisarts eerder aan tafel",
            what_happened: "De huisarts kwam laat in beeld.",
            what_worked: "Uitnodigen bij het eerste overleg.",
            what_needed: "Tijd voor huisartsen.",
            tags: "Huisarts, regie,  ,huisarts",
        }
    }

    fn fields(input: &LessonInput) -> Vec<&'static str> {
        lesson(input).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn known_answers() {
        assert!(lesson(&good()).is_empty());
        assert_eq!(tags(good().tags), vec!["huisarts", "regie"]);
        assert_eq!(tags(""), Vec::<String>::new());
        assert_eq!(
            fields(&LessonInput {
                source: "roddel",
                title: " ",
                ..good()
            }),
            vec!["source", "title"]
        );
        assert_eq!(
            fields(&LessonInput {
                tags: "a,b,c,d,e,f,g,h,i",
                ..good()
            }),
            vec!["tags"]
        );
        let long = format!("kort,{}", "x".repeat(31));
        assert_eq!(
            fields(&LessonInput {
                tags: &long,
                ..good()
            }),
            vec!["tags"]
        );
        assert_eq!(reaction("  ").len(), 1);
        assert!(reaction("Herkenbaar, dat gaan wij ook proberen.").is_empty());
        assert!(adoption("visie").is_empty());
        assert_eq!(adoption("").len(), 1);
        assert_eq!(
            adopted_agreement_body(" Bellen. ", "Tijd."),
            "Bellen.\n\nWat daarvoor nodig is: Tijd."
        );
    }

    proptest! {
        #[test]
        fn tags_are_trimmed_lowercase_and_unique(typed in "[a-zA-Z ,]{0,60}") {
            let tags = tags(&typed);
            for (i, tag) in tags.iter().enumerate() {
                prop_assert!(!tag.is_empty());
                prop_assert_eq!(tag.trim(), tag.as_str());
                prop_assert_eq!(tag.to_lowercase(), tag.clone());
                prop_assert!(!tags[i + 1..].contains(tag));
            }
        }

        #[test]
        fn a_reaction_is_refused_exactly_when_blank_or_too_long(body in "\\PC{0,1100}") {
            let chars = body.trim().chars().count();
            prop_assert_eq!(reaction(&body).is_empty(), chars > 0 && chars <= REACTION_MAX_CHARS);
        }
    }
}
