//! Full-text search over lessons and agreements: text and queries are
//! reduced to lower-case letters and digits without accents, so "Één
//! regisseur" is found by "een regisseur" and "cliënt" by "client".

/// Most words a query looks for.
pub const MAX_TERMS: usize = 8;

/// `text` in lower case, accents removed, every run of other characters a
/// single space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
        if base == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(base);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The words of a query, normalized, without repeats: at most `MAX_TERMS`
/// of at least two characters.
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in normalize(query).split(' ') {
        if word.chars().count() >= 2 && !terms.iter().any(|t| t == word) {
            terms.push(word.to_string());
        }
    }
    terms.truncate(MAX_TERMS);
    terms
}

/// Whether normalized `text` holds every term (as the database query does).
pub fn matches(text: &str, terms: &[String]) -> bool {
    terms.iter().all(|t| text.contains(t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        assert_eq!(normalize("Één gezin, één plan!"), "een gezin een plan");
        assert_eq!(
            normalize("Cliënt—Privacy & toestemming"),
            "client privacy toestemming"
        );
        assert_eq!(terms("  de Huisarts huisarts, a "), vec!["de", "huisarts"]);
        assert!(matches(
            &normalize("Huisarts eerder aan tafel"),
            &terms("tafel HUISARTS")
        ));
        assert!(!matches(
            &normalize("Huisarts eerder aan tafel"),
            &terms("tafel wijkverpleging")
        ));
    }

    proptest! {
        #[test]
        fn normalized_text_is_plain_and_stable(text in "\\PC{0,80}") {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once.clone());
            prop_assert!(once.chars().all(|c| c == ' ' || c.is_ascii_lowercase() || c.is_ascii_digit()));
            prop_assert!(!once.contains("  ") && !once.starts_with(' ') && !once.ends_with(' '));
        }

        #[test]
        fn a_text_matches_its_own_words(text in "[a-zA-Zéëï ]{0,60}") {
            prop_assert!(matches(&normalize(&text), &terms(&text)));
        }
    }
}
