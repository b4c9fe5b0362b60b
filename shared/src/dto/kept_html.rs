//! HTML the server rendered from a value it keeps (the insight cache),
//! kept beside that value: the next request that gets the same value sends
//! the same HTML instead of rendering it again, and a changed value comes
//! with nothing rendered yet. It is not part of the value: never
//! serialized, always equal, empty in a value built afresh. Clones share
//! it, as they share the kept value they were copied from.

use std::sync::{Arc, Mutex};

/// Parts of a page, each by its name (`"verloop"`, `"tabel-3"`): a page
/// names a fixed set of parts, so this stays as small as the page.
#[derive(Clone, Default)]
pub struct KeptHtml(Arc<Mutex<Parts>>);

/// Each part's name and its HTML.
type Parts = Vec<(String, Arc<str>)>;

impl KeptHtml {
    /// The HTML kept as `part`, or `render`'s, then kept. Rendering runs
    /// outside the lock; when two requests render the same part at once,
    /// the first one kept is the one both send from then on.
    pub fn get_or_render(&self, part: &str, render: impl FnOnce() -> String) -> Arc<str> {
        if let Some(found) = self.find(part) {
            return found;
        }
        let made: Arc<str> = render().into();
        let mut parts = self.0.lock().expect("the kept HTML lock");
        if let Some((_, found)) = parts.iter().find(|(name, _)| name == part) {
            return found.clone();
        }
        parts.push((part.to_string(), made.clone()));
        made
    }

    fn find(&self, part: &str) -> Option<Arc<str>> {
        let parts = self.0.lock().expect("the kept HTML lock");
        parts
            .iter()
            .find(|(name, _)| name == part)
            .map(|(_, html)| html.clone())
    }
}

impl PartialEq for KeptHtml {
    /// Rendered from the value, so it never makes two values differ.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for KeptHtml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts = self.0.lock().expect("the kept HTML lock");
        f.debug_list()
            .entries(parts.iter().map(|(name, _)| name))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::KeptHtml;
    use std::cell::Cell;

    #[test]
    fn a_part_is_rendered_once_and_shared_by_clones() {
        let kept = KeptHtml::default();
        let renders = Cell::new(0);
        let render = |html: &str| {
            renders.set(renders.get() + 1);
            html.to_string()
        };
        let copy = kept.clone();
        assert_eq!(&*kept.get_or_render("a", || render("<p>a</p>")), "<p>a</p>");
        assert_eq!(
            &*copy.get_or_render("a", || render("<p>other</p>")),
            "<p>a</p>"
        );
        assert_eq!(&*copy.get_or_render("b", || render("<p>b</p>")), "<p>b</p>");
        assert_eq!(renders.get(), 2);
        assert_eq!(format!("{kept:?}"), r#"["a", "b"]"#);
    }

    #[test]
    fn a_fresh_value_starts_empty_and_equal() {
        let kept = KeptHtml::default();
        kept.get_or_render("a", || "<p>a</p>".into());
        let fresh = KeptHtml::default();
        assert_eq!(kept, fresh);
        assert_eq!(
            &*fresh.get_or_render("a", || "<p>new</p>".into()),
            "<p>new</p>"
        );
    }
}
