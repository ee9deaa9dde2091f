//! Embeds every plan (`seeds/*.json`) and every file of reported values
//! (`seeds/*.csv`) in the binary, so the code names no file of one plan.
//! Writes `$OUT_DIR/seeds.rs`, included by `src/core/builtin.rs`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // File-name order: the first plan opens when a link names none.
    names.sort();
    let list = |ext: &str| {
        let mut out = String::from("&[\n");
        for n in names.iter().filter(|n| n.ends_with(ext)) {
            assert!(
                n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')),
                "seeds/{n}: name a seed file with a-z, 0-9, '.', '-' and '_' only"
            );
            println!("cargo:rerun-if-changed=seeds/{n}");
            // issue 10: a plan goes in without the whitespace between its JSON tokens
            // (48 KB → 35 KB for the Zhejiang plan); every other file as it is.
            let text = std::fs::read_to_string(dir.join(n)).expect("a seed is UTF-8");
            let text = if ext == ".json" {
                minify_json(&text)
            } else {
                text
            };
            let _ = writeln!(out, "    Seed {{ file: {n:?}, text: {text:?} }},");
        }
        out.push(']');
        out
    };
    let code = format!(
        "/// Every `seeds/*.json`, in file-name order.\npub static PLAN_FILES: &[Seed] = {};\n\n/// Every `seeds/*.csv`, in file-name order.\npub static REPORTED_FILES: &[Seed] = {};\n",
        list(".json"),
        list(".csv")
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// `json` without the whitespace outside its strings: the same document, so
/// the plan parses to the same values (a malformed seed stays malformed).
fn minify_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
