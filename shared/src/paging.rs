//! Long lists a page at a time. A comparison over every jeugd team of the
//! country holds thousands of rows; one page of them keeps the page small
//! enough to read, send and render. The page number comes from the address
//! (`pagina`), so paging works without JavaScript; anything out of range
//! falls back to the nearest page that exists.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Which part of a list is shown: page `number` (from 1) of `pages`, out of
/// `total` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub number: u32,
    pub pages: u32,
    pub total: u32,
    pub per_page: u32,
}

impl Page {
    /// The page asked for as typed in the address (`"2"`), within a list of
    /// `total` items: unreadable means the first page, beyond the end the
    /// last. An empty list has one (empty) page.
    pub fn of(total: usize, per_page: u32, asked: &str) -> Page {
        let per_page = per_page.max(1);
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        let pages = total.div_ceil(per_page).max(1);
        let number = asked.trim().parse::<u32>().unwrap_or(1).clamp(1, pages);
        Page {
            number,
            pages,
            total,
            per_page,
        }
    }

    /// The items of this page, as positions in the whole list.
    pub fn range(&self) -> Range<usize> {
        let start = (self.number - 1)
            .saturating_mul(self.per_page)
            .min(self.total);
        let end = start.saturating_add(self.per_page).min(self.total);
        start as usize..end as usize
    }

    /// The page before and after this one, where there is one.
    pub fn previous(&self) -> Option<u32> {
        (self.number > 1).then(|| self.number - 1)
    }

    pub fn next(&self) -> Option<u32> {
        (self.number < self.pages).then(|| self.number + 1)
    }
}

/// The first `shown` of `items`, and how many more there are.
pub fn first<T>(mut items: Vec<T>, shown: usize) -> (Vec<T>, u32) {
    let more = items.len().saturating_sub(shown);
    items.truncate(shown);
    (items, u32::try_from(more).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pages_are_counted_and_clamped() {
        let page = Page::of(120, 50, "2");
        assert_eq!((page.number, page.pages), (2, 3));
        assert_eq!(page.range(), 50..100);
        assert_eq!((page.previous(), page.next()), (Some(1), Some(3)));
        assert_eq!(Page::of(120, 50, "3").range(), 100..120);
        assert_eq!(
            Page::of(120, 50, "99").number,
            3,
            "beyond the end: the last"
        );
        assert_eq!(Page::of(120, 50, "nul").number, 1, "unreadable: the first");
        assert_eq!(Page::of(120, 50, "0").number, 1);
        let empty = Page::of(0, 50, "4");
        assert_eq!((empty.number, empty.pages, empty.range()), (1, 1, 0..0));
        assert_eq!((empty.previous(), empty.next()), (None, None));
    }

    #[test]
    fn first_counts_what_is_left_out() {
        assert_eq!(first(vec![1, 2, 3], 2), (vec![1, 2], 1));
        assert_eq!(first(vec![1], 10), (vec![1], 0));
    }

    proptest! {
        /// Every item is on exactly one page, in order, and no page is
        /// longer than asked.
        #[test]
        fn the_pages_cover_the_list_once(total in 0usize..500, per_page in 1u32..60) {
            let pages = Page::of(total, per_page, "1").pages;
            let mut seen = 0;
            for number in 1..=pages {
                let range = Page::of(total, per_page, &number.to_string()).range();
                prop_assert_eq!(range.start, seen);
                prop_assert!(range.len() <= per_page as usize);
                prop_assert!(range.end <= total);
                seen = range.end;
            }
            prop_assert_eq!(seen, total);
        }

        #[test]
        fn any_asked_page_is_a_page_that_exists(total in 0usize..500, asked in ".{0,6}") {
            let page = Page::of(total, 50, &asked);
            prop_assert!(page.number >= 1 && page.number <= page.pages);
        }
    }
}
