//! Knelpunten: what a team needs from the bestuurders. The rules for
//! raising one and for supporting another team's.

use crate::i18n::{Message, Text};
use crate::network::KnelpuntCategory;
use crate::validation::{text, Problems, TEXT_MAX_CHARS, TITLE_MAX_CHARS};

/// A knelpunt form, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnelpuntInput<'a> {
    pub category: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

/// Every problem with a knelpunt form.
pub fn knelpunt(input: &KnelpuntInput) -> Problems {
    let mut problems = Vec::new();
    if KnelpuntCategory::from_code(input.category).is_none() {
        problems.push(("category", Text::InvalidChooseCategory.into()));
    }
    if let Err(m) = text(input.title, TITLE_MAX_CHARS) {
        problems.push(("title", m));
    }
    if let Err(m) = text(input.description, TEXT_MAX_CHARS) {
        problems.push(("description", m));
    }
    problems
}

/// Whether `team` may support a knelpunt raised by `raised_by`, given the
/// teams that support it already: a team supports another team's knelpunt,
/// once.
pub fn support(team: i32, raised_by: i32, supporters: &[i32]) -> Result<(), Message> {
    if team == raised_by {
        Err(Text::InvalidOwnKnelpunt.into())
    } else if supporters.contains(&team) {
        Err(Text::InvalidKnelpuntSupported.into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        let good = KnelpuntInput {
            category: "privacy",
            title: "Geen gedeeld toestemmingsformulier",
            description: "Elke organisatie vraagt op een eigen manier toestemming.",
        };
        assert!(knelpunt(&good).is_empty());
        let fields: Vec<_> = knelpunt(&KnelpuntInput {
            category: "",
            description: " ",
            ..good
        })
        .into_iter()
        .map(|(f, _)| f)
        .collect();
        assert_eq!(fields, vec!["category", "description"]);
        assert!(support(2, 1, &[3]).is_ok());
        assert!(support(1, 1, &[]).is_err());
        assert!(support(3, 1, &[3]).is_err());
    }

    proptest! {
        #[test]
        fn a_team_supports_once_and_never_its_own(team in 0i32..20, raised_by in 0i32..20, supporters in proptest::collection::vec(0i32..20, 0..10)) {
            let allowed = support(team, raised_by, &supporters).is_ok();
            prop_assert_eq!(allowed, team != raised_by && !supporters.contains(&team));
        }
    }
}
