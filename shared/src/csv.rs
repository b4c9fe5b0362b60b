//! CSV export: RFC 4180 quoting, semicolon-separated as Dutch spreadsheet
//! programs expect, and neutralised formulas so a cell that starts with
//! `=`, `+`, `-` or `@` is never run by a spreadsheet (CSV injection).

pub const SEPARATOR: char = ';';

/// One CSV field.
pub fn field(value: &str) -> String {
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if value.contains([SEPARATOR, '"', '\n', '\r', ',']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One CSV line, with CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(&SEPARATOR.to_string());
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        assert_eq!(
            line(&["a", "b;c", "say \"hi\""]),
            "a;\"b;c\";\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("gewoon"), "gewoon");
    }

    proptest! {
        #[test]
        fn a_field_never_starts_a_formula(s in "\\PC{0,30}") {
            let f = field(&s);
            let unquoted = f.strip_prefix('"').unwrap_or(&f);
            prop_assert!(!unquoted.starts_with(['=', '+', '-', '@']));
        }
    }
}
