//! Lessons a team draws from case discussions, and what other teams do with
//! them (react, find useful, adopt): the rules for what may be recorded.

use crate::i18n::Text;
use crate::network::{AgreementTheme, LessonSource};
use crate::validation::{text, Problems, TEXT_MAX_CHARS, TITLE_MAX_CHARS};
use serde::{Deserialize, Serialize};

/// Most tags on one lesson.
pub const TAGS_MAX: usize = 8;
/// Longest tag.
pub const TAG_MAX_CHARS: usize = 30;
/// Longest reaction to a lesson.
pub const REACTION_MAX_CHARS: usize = crate::validation::MESSAGE_MAX_CHARS;

/// A lesson form as typed: its fields are the form's field names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonForm {
    pub source: String,
    pub title: String,
    pub what_happened: String,
    pub what_worked: String,
    pub what_needed: String,
    pub tags: String,
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

/// Every problem with a lesson form.
pub fn lesson(input: &LessonForm) -> Problems {
    let mut problems = Vec::new();
    if LessonSource::from_code(&input.source).is_none() {
        problems.push(("source", Text::InvalidChooseLessonSource.into()));
    }
    for (field, value, max) in [
        ("title", &input.title, TITLE_MAX_CHARS),
        ("what_happened", &input.what_happened, TEXT_MAX_CHARS),
        ("what_worked", &input.what_worked, TEXT_MAX_CHARS),
        ("what_needed", &input.what_needed, TEXT_MAX_CHARS),
    ] {
        if let Err(m) = text(value, max) {
            problems.push((field, m));
        }
    }
    let tags = tags(&input.tags);
    if crate::validation::has_control_characters(&input.tags) {
        problems.push(("tags", Text::InvalidControlCharacters.into()));
    } else if tags.len() > TAGS_MAX {
        problems.push(("tags", Text::InvalidTooManyTags.with(TAGS_MAX)));
    } else if let Some(long) = tags.iter().find(|t| t.chars().count() > TAG_MAX_CHARS) {
        problems.push((
            "tags",
            Text::InvalidTagTooLong.with(long).with(TAG_MAX_CHARS),
        ));
    }
    problems
}

/// A reaction to a lesson, as typed.
pub fn reaction(body: &str) -> Problems {
    crate::validation::message(body)
}

/// Adopting a lesson as an agreement: the theme it gets in the adopting team.
pub fn adoption(theme: &str) -> Problems {
    match AgreementTheme::from_code(theme) {
        Some(_) => vec![],
        None => vec![("theme", Text::InvalidChooseAgreementTheme.into())],
    }
}

/// The text of the concept agreement an adopted lesson becomes.
pub fn adopted_agreement_body(what_worked: &str, what_needed: &str) -> String {
    Text::LessonAgreementBody
        .with(what_worked.trim())
        .with(what_needed.trim())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn good() -> LessonForm {
        LessonForm {
            source: "casusbespreking".into(),
            title: "Huisarts eerder aan tafel".into(),
            what_happened: "De huisarts kwam laat in beeld.".into(),
            what_worked: "Uitnodigen bij het eerste overleg.".into(),
            what_needed: "Tijd voor huisartsen.".into(),
            tags: "Huisarts, regie,  ,huisarts".into(),
        }
    }

    fn fields(input: &LessonForm) -> Vec<&'static str> {
        lesson(input).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn known_answers() {
        assert!(lesson(&good()).is_empty());
        assert_eq!(tags(&good().tags), vec!["huisarts", "regie"]);
        assert_eq!(tags(""), Vec::<String>::new());
        assert_eq!(
            fields(&LessonForm {
                source: "roddel".into(),
                title: " ".into(),
                ..good()
            }),
            vec!["source", "title"]
        );
        assert_eq!(
            fields(&LessonForm {
                tags: "a,b,c,d,e,f,g,h,i".into(),
                ..good()
            }),
            vec!["tags"]
        );
        let long = format!("kort,{}", "x".repeat(31));
        assert_eq!(
            fields(&LessonForm {
                tags: long.clone(),
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
