//! The layout holds: no module of `app/src/store` (and no pair of
//! `app/src` top-level modules) imports a module that imports it back, so
//! each file can be read and changed from its leaves up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules a file refers to through `prefix` (`super::x`, `crate::x`).
fn references(source: &str, prefix: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    source
        .match_indices(prefix)
        .filter_map(|(at, _)| {
            let rest = &source[at + prefix.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            known.contains(&name).then_some(name)
        })
        .collect()
}

/// Every `.rs` file under `dir`, one after the other.
fn all_sources(dir: &Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.push_str(&all_sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

/// The modules in `dir` (a file, or a folder with all its files) and whom
/// each refers to.
fn graph(dir: &Path, prefix: &str, skip: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_stem()?.to_str()?.to_string();
            let source = if path.is_dir() {
                all_sources(&path)
            } else if path.extension()? == "rs" {
                std::fs::read_to_string(&path).ok()?
            } else {
                return None;
            };
            (!skip.contains(&name.as_str())).then_some((name, source))
        })
        .collect();
    let known: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    files
        .into_iter()
        .map(|(name, source)| {
            let mut refs = references(&source, prefix, &known);
            refs.remove(&name);
            (name, refs)
        })
        .collect()
}

/// A cycle in `graph`, if any, as the path around it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut around = path[at..].to_vec();
            around.push(node.to_string());
            return Some(around);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn app_src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")
}

#[test]
fn store_modules_import_no_module_that_imports_them_back() {
    let store = graph(&app_src().join("store"), "super::", &["mod", "entity"]);
    assert!(store.contains_key("teams") && store.len() > 20, "{store:?}");
    assert_eq!(cycle(&store), None);
}

#[test]
fn top_level_modules_import_no_module_that_imports_them_back() {
    let top = graph(&app_src(), "crate::", &["lib", "main"]);
    // Pages and components render; the server side never imports them.
    assert!(
        top.contains_key("error") && top.contains_key("auth"),
        "{top:?}"
    );
    let pairs: Vec<(&String, &String)> = top
        .iter()
        .flat_map(|(a, refs)| refs.iter().map(move |b| (a, b)))
        .filter(|(a, b)| top.get(*b).is_some_and(|r| r.contains(*a)))
        .collect();
    assert_eq!(pairs, Vec::<(&String, &String)>::new());
}

#[test]
fn a_cycle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(n, r)| (n.to_string(), r.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

#[test]
fn every_transaction_of_a_server_function_is_an_audited_write() {
    // `api/write.rs` is the one place that begins and commits; anywhere
    // else a transaction would be a write the audit log (and the change
    // clock kept pages wait on) could miss.
    let api = app_src().join("api");
    let mut offending = Vec::new();
    for entry in std::fs::read_dir(&api).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name == "write.rs" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (i, line) in source.lines().enumerate() {
            let raw_commit = line.contains(".commit().await");
            if line.contains(".begin().await") || line.contains("TransactionTrait") || raw_commit {
                offending.push(format!("{name}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(offending.is_empty(), "{offending:#?}");
}

/// Server functions that change nothing a kept page is made from: reads,
/// and the security machinery of logging in and out (sessions and
/// throttles, audited as events). Every other server function must write
/// through `AuditedWrite`, whose audit entry moves the change clock kept
/// pages wait on; a new endpoint without either fails below.
const AFFECTS_NOTHING_KEPT: &[&str] = &[
    "account/login",
    "account/second-factor",
    "account/logout",
    "account/two-factor",
    // Takes a token just made from memory, to show it once.
    "account/api-tokens",
    "account/current",
    "account/setup-link",
    "admin/accounts",
    "admin/account",
    "admin/audit",
    "admin/structure",
    "agreements/detail",
    "canvases/detail",
    "charts/page",
    "governance/table",
    "governance/note-form",
    "governance/note-detail",
    "knelpunten/detail",
    "lessons/detail",
    "lessons/form",
    "network/compare",
    "network/organisations",
    "network/overview",
    "network/search",
    "network/team",
    "network/what-works",
    "network/wijk",
    "news/team",
    "results/import/preview",
    "results/import/progress",
    "results/import/target",
    "results/month",
    "survey/form",
];

/// Each `#[server(endpoint = …)]` in `app/src/api` with its function's
/// source (up to its closing brace at the start of a line).
fn endpoints() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(app_src().join("api")).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (at, _) in source.match_indices("#[server(endpoint = \"") {
            let rest = &source[at + "#[server(endpoint = \"".len()..];
            let name = rest[..rest.find('"').unwrap()].to_string();
            let body = &rest[..rest.find("\n}\n").unwrap_or(rest.len())];
            out.push((name, body.to_string()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_endpoint_that_changes_data_writes_through_the_audited_path() {
    let endpoints = endpoints();
    assert!(endpoints.len() > 50, "{}", endpoints.len());
    // `record_adoption`, the imports' `save_preview` and the results'
    // `record_month` write through
    // `AuditedWrite` for the endpoints that call them.
    let writes = |body: &str| {
        body.contains("AuditedWrite")
            || body.contains("record_adoption(")
            || body.contains("save_preview(")
            || body.contains("record_month(")
    };
    let unlisted: Vec<&String> = endpoints
        .iter()
        .filter(|(name, body)| !writes(body) && !AFFECTS_NOTHING_KEPT.contains(&name.as_str()))
        .map(|(name, _)| name)
        .collect();
    assert!(
        unlisted.is_empty(),
        "write through AuditedWrite, or list as affecting nothing kept: {unlisted:?}"
    );
    for listed in AFFECTS_NOTHING_KEPT {
        let found = endpoints.iter().find(|(name, _)| name == listed);
        assert!(found.is_some(), "{listed} is listed but not registered");
        assert!(
            !writes(&found.unwrap().1),
            "{listed} writes, so it affects what is kept"
        );
    }
}

/// The change clock's lists of audit actions (migration 17) name actions
/// the code writes: a misspelt one would move what it should not, and a
/// change would stay hidden behind a kept page.
#[test]
fn the_change_clocks_audit_actions_are_written_by_the_code() {
    use server::migration::m20261201_000017_scoped_clock::{MOVE_NETWORK, MOVE_NOTHING, MOVE_TEAM};
    let app = all_sources(&app_src());
    for code in [MOVE_NOTHING, MOVE_TEAM, MOVE_NETWORK].concat() {
        assert!(
            app.contains(&format!("\"{code}\"")),
            "no audit action {code} in app/src"
        );
    }
}
