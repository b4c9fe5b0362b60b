//! What is new in a team's space for one member: questions from other
//! teams, answers to the team's knelpunten, reactions to and adoptions of
//! its lessons and agreements, and dialogue notes that discussed them.

use serde::{Deserialize, Serialize};

/// How far back news reaches for a member who never marked it seen.
pub const FIRST_VISIT_DAYS: i64 = 30;

/// What kind of thing happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewsKind {
    Question,
    KnelpuntAnswer,
    LessonReaction,
    Adoption,
    DialogueNote,
}

impl NewsKind {
    pub fn label(self) -> &'static str {
        use crate::i18n::{t, Text};
        t(match self {
            NewsKind::Question => Text::NewsQuestion,
            NewsKind::KnelpuntAnswer => Text::NewsKnelpuntAnswer,
            NewsKind::LessonReaction => Text::NewsLessonReaction,
            NewsKind::Adoption => Text::NewsAdoption,
            NewsKind::DialogueNote => Text::NewsDialogueNote,
        })
    }
}

/// One thing that happened, newest first in a `TeamNews`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewsItem {
    pub kind: NewsKind,
    /// RFC 3339.
    pub at: String,
    /// Who did it: a team's name, or the bestuurderstafel.
    pub by: String,
    /// What it is about (a lesson's or knelpunt's title, a meeting date).
    pub about: String,
    pub href: String,
}

/// A member's news of one team since they last marked it seen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamNews {
    pub team_id: i32,
    pub items: Vec<NewsItem>,
}

/// The moment after which things are new: when the member last marked the
/// team's news seen, else `FIRST_VISIT_DAYS` before `now`.
pub fn since<T>(seen: Option<T>, now: T, days_before: impl FnOnce(T, i64) -> T) -> T {
    seen.unwrap_or_else(|| days_before(now, FIRST_VISIT_DAYS))
}

/// Newest first, at most `max` items. Times are compared as instants: in
/// Dutch time an hour after the autumn change can read earlier.
pub fn newest_first(mut items: Vec<NewsItem>, max: usize) -> Vec<NewsItem> {
    let instant = |item: &NewsItem| chrono::DateTime::parse_from_rfc3339(&item.at).ok();
    items.sort_by(|a, b| {
        instant(b)
            .cmp(&instant(a))
            .then_with(|| b.at.cmp(&a.at))
            .then_with(|| a.href.cmp(&b.href))
    });
    items.truncate(max);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn across_the_autumn_change_the_later_instant_comes_first() {
        let items = vec![
            item("2026-10-25T02:30:00+02:00", "/earlier"),
            item("2026-10-25T02:10:00+01:00", "/later"),
        ];
        let sorted = newest_first(items, 2);
        assert_eq!(sorted[0].href, "/later");
    }

    fn item(at: &str, href: &str) -> NewsItem {
        NewsItem {
            kind: NewsKind::Question,
            at: at.into(),
            by: "Jeugd Ondiep".into(),
            about: String::new(),
            href: href.into(),
        }
    }

    #[test]
    fn a_first_visit_reaches_back_thirty_days() {
        assert_eq!(since(None, 100, |now, days| now - days), 70);
        assert_eq!(since(Some(95), 100, |now, days| now - days), 95);
    }

    #[test]
    fn newest_first_and_bounded() {
        let items = vec![
            item("2026-11-01T10:00:00Z", "/a"),
            item("2026-11-03T10:00:00Z", "/b"),
            item("2026-11-02T10:00:00Z", "/c"),
        ];
        let sorted = newest_first(items, 2);
        let hrefs: Vec<&str> = sorted.iter().map(|i| i.href.as_str()).collect();
        assert_eq!(hrefs, ["/b", "/c"]);
    }
}
