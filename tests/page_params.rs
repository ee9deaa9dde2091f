//! issue 10: index.html shows a first visit's prerendered screen only where the app would render
//! exactly that. A query parameter the app reads changes what it renders, so the page's script
//! knows every one (`APP_PARAMS`): this holds that list to the keys `src/` passes to
//! `browser::query_param` and `browser::query_flag`, so that a parameter added to the app and not
//! to the page fails here rather than flashing a wrong first screen.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every string literal passed as the first argument to `call(`.
fn literal_args(text: &str, call: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!("{call}(\"");
    let mut rest = text;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').expect("a closed string literal");
        out.push(after[..end].to_string());
        rest = &after[end..];
    }
    out
}

#[test]
fn the_page_knows_every_query_parameter_the_app_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut read = BTreeSet::new();
    let mut calls = 0;
    for f in &files {
        let text = fs::read_to_string(f).expect("a source file");
        for call in ["query_param", "query_flag"] {
            // (the definitions themselves take `key`, not a literal)
            calls += text.matches(&format!("{call}(")).count();
            read.extend(literal_args(&text, call));
        }
    }
    assert!(
        read.len() >= 5,
        "found too few parameters ({read:?}): did the calls change?"
    );
    let page = fs::read_to_string(root.join("index.html")).expect("index.html");
    let start = page
        .find("var APP_PARAMS = [")
        .expect("index.html's APP_PARAMS");
    let list = &page[start + "var APP_PARAMS = [".len()..];
    let list = &list[..list.find(']').expect("the list ends")];
    let known: BTreeSet<String> = list
        .split(',')
        .map(|s| s.trim().trim_matches('\'').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        known, read,
        "index.html's APP_PARAMS must be the query parameters src/ reads"
    );
    // Every call names its key as a literal (one call per definition takes `key`; a call through
    // a variable would escape this check).
    let non_literal: Vec<_> = files
        .iter()
        .flat_map(|f| {
            let text = fs::read_to_string(f).expect("a source file");
            ["query_param(", "query_flag("]
                .iter()
                .flat_map(|c| {
                    text.match_indices(c)
                        .map(|(i, _)| text[i..].chars().take(40).collect::<String>())
                        .collect::<Vec<_>>()
                })
                .filter(|s| {
                    !s.contains("(\"") && !s.contains("(key: &str)") && !s.contains("(key)")
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        non_literal.is_empty(),
        "query parameters read through a variable: {non_literal:?}"
    );
    assert!(calls > read.len());
}
