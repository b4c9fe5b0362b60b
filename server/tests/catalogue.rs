//! Every text a user reads is a key of the one catalogue
//! (`shared/src/i18n.rs`, other languages in `shared/src/i18n/`): a Dutch
//! sentence typed anywhere else in `shared`
//! or `app` (a validation message, a label in a view) fails here, so a
//! second language never has to be hunted for.

use std::path::{Path, PathBuf};

/// Words that make a string literal a Dutch sentence. Words shared with
/// English ("in", "is", "of") are left out, so log lines and code pass.
const DUTCH_WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "van",
    "niet",
    "voor",
    "met",
    "uw",
    "dit",
    "deze",
    "geen",
    "kies",
    "vul",
    "zijn",
    "wordt",
    "bij",
    "naar",
    "ook",
    "nog",
    "en",
    "op",
    "te",
    "aan",
    "om",
    "er",
    "dat",
    "die",
    "hebt",
    "heeft",
    "kunt",
    "tekens",
    "gebruik",
    "hoogstens",
    "minstens",
];

/// Whether a string literal's content reads as Dutch text: words separated
/// by spaces, at least one of them a Dutch word.
fn reads_as_dutch(literal: &str) -> bool {
    if !literal.contains(' ') {
        return false;
    }
    let words: Vec<String> = literal
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() >= 2 && words.iter().any(|w| DUTCH_WORDS.contains(&w.as_str()))
}

/// The string literals of `source` outside comments and its test module,
/// with their line numbers.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(end) => &source[..end],
        None => source,
    };
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut chars = line.chars().peekable();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '/') if chars.peek() == Some(&'/') => break,
                (None, '\'') => {
                    // A char literal ('"') or a lifetime: skip what it holds.
                    if let Some(next) = chars.next() {
                        if next == '\\' {
                            chars.next();
                        }
                    }
                }
                (None, '"') => current = Some(String::new()),
                (Some(text), '\\') => {
                    text.push('\\');
                    if let Some(escaped) = chars.next() {
                        text.push(escaped);
                    }
                }
                (Some(text), '"') => {
                    found.push((number + 1, std::mem::take(text)));
                    current = None;
                }
                (Some(text), c) => text.push(c),
                (None, _) => {}
            }
        }
    }
    found
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_dutch_text_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for crate_src in ["shared/src", "app/src"] {
        rust_files(&root.join(crate_src), &mut files);
    }
    files.sort();
    // The catalogue: its Dutch column and its other languages' files.
    let (catalogue, columns) = (
        root.join("shared/src/i18n.rs"),
        root.join("shared/src/i18n"),
    );
    let mut outside = Vec::new();
    for file in files
        .iter()
        .filter(|f| **f != catalogue && !f.starts_with(&columns))
    {
        let source = std::fs::read_to_string(file).expect("a readable source");
        for (line, literal) in literals(&source) {
            if reads_as_dutch(&literal) {
                let name = file.strip_prefix(&root).unwrap_or(file).display();
                outside.push(format!("{name}:{line}: \"{literal}\""));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "Dutch text outside shared/src/i18n.rs; make each a `Text` key:\n{}",
        outside.join("\n")
    );
    assert!(files.len() > 50, "the scan reads the sources");
}

#[test]
fn the_scan_tells_dutch_text_from_code() {
    let source = r#"
fn check() -> Message {
    let _ = "Kies een status."; // "Vul dit veld in." in a comment is fine
    tracing::error!("database error: {e}");
    let path = "/wat-werkt";
    let quote = '"';
    let _ = format!("Gebruik hoogstens {max} tekens.");
}
#[cfg(test)]
mod tests {
    const SAMPLE: &str = "Dit is een test.";
}
"#;
    let dutch: Vec<String> = literals(source)
        .into_iter()
        .filter(|(_, l)| reads_as_dutch(l))
        .map(|(_, l)| l)
        .collect();
    assert_eq!(
        dutch,
        ["Kies een status.", "Gebruik hoogstens {max} tekens."]
    );
}
