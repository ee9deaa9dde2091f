//! Where in a JSON text something went wrong, as the path of a field:
//! `indicators[3].target.tolerance`.
//!
//! serde_json's errors carry a line and a column, not the field. The plan
//! loader used to wrap its deserializer in `serde_path_to_error`, which tracks
//! the path while parsing; that wrapper is instantiated for every type of the
//! plan format and cost 26 KB of the browser's wasm (10 KB gzip, issue 10).
//! This module finds the same path afterwards, from the error's position: one
//! pass over the text, no generics. A test checks it against
//! `serde_path_to_error` for every field of the Zhejiang plan, wrong-typed
//! and missing.

/// The byte offset of serde_json's `line` (1-based) and `column` (the bytes
/// before the position on its line), clamped to the text.
///
/// Formula: the offset of the start of line `line` plus `column`.
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        json.match_indices('\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    (start + column).min(json.len())
}

/// The offset a scan looks for, and whether it is a syntax error's.
#[derive(Clone, Copy)]
struct Hold {
    at: usize,
    syntax: bool,
}

/// One open object or array while scanning.
enum Frame {
    /// An object: the key of the member being read, and whether a key comes next.
    Object {
        key: Option<String>,
        want_key: bool,
        start: usize,
    },
    /// An array: how many elements were read before the current one.
    Array { index: usize, start: usize },
}

/// The path of the innermost value of `json` that holds the byte offset `at`:
/// a value starting at `s` and ending before `e` holds `at` when
/// `s < at <= e`, and an object or a list also when `at = s` (serde_json
/// reports a fault just after the value it read, or at or one byte into an
/// object or list it only peeked at; one byte into a list is also the start
/// of its first element, which then does not hold it). Object members are written
/// `.key` (`key` at the top), array elements `[i]`; the top value is `""`.
/// Text that is not JSON gives the path of the innermost value open where
/// the scan stopped.
pub fn path_at(json: &str, at: usize) -> String {
    locate(json, at, false).path
}

/// As [`path_at`], for a syntax error (serde_json's `Category::Syntax`),
/// which serde_json reports one byte into a value it peeked at, or *at* the
/// byte after a value it read (a `,` where a `}` was due): a value holds
/// `at` when `s < at < e`, a one-byte value (a digit) or an empty object or
/// list also when `at = e`, an object or a list also when `at = s`. So `"kind": {"level": null, …}`
/// (a choice given two keys) is the fault of `kind`, not of its `null`.
pub fn syntax_path_at(json: &str, at: usize) -> String {
    locate(json, at, true).path
}

/// Where [`path_at`] (`syntax` false) or [`syntax_path_at`] found the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The path of the value that holds the offset.
    pub path: String,
    /// Its bytes in the text; `None` where no value read in full holds it
    /// (text that is not JSON, or an offset between values).
    pub span: Option<std::ops::Range<usize>>,
}

/// The value that holds the byte offset `at`, by the rules of [`path_at`]
/// (`syntax` false) or [`syntax_path_at`], with its bytes.
pub fn locate(json: &str, at: usize, syntax: bool) -> Located {
    let hold = Hold { at, syntax };
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            b',' => {
                // In an object, the next member's key comes: until it is read, the fault is the object's.
                if let Some(Frame::Object { key, want_key, .. }) = stack.last_mut() {
                    *key = None;
                    *want_key = true;
                }
                i += 1;
            }
            b'{' => {
                stack.push(Frame::Object {
                    key: None,
                    want_key: true,
                    start: i,
                });
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0, start: i });
                i += 1;
            }
            b'}' | b']' => {
                let start = match stack.pop() {
                    Some(Frame::Object { start, .. } | Frame::Array { start, .. }) => start,
                    None => break,
                };
                i += 1;
                if let Some(path) = completed(&mut stack, (start, i), true, hold) {
                    return Located {
                        path,
                        span: Some(start..i),
                    };
                }
            }
            b'"' => {
                let (text, end) = string_at(json, i);
                if let Some(Frame::Object {
                    key,
                    want_key: want @ true,
                    ..
                }) = stack.last_mut()
                {
                    *key = Some(text);
                    *want = false;
                    i = end;
                    continue;
                }
                let start = i;
                i = end;
                if let Some(path) = completed(&mut stack, (start, i), false, hold) {
                    return Located {
                        path,
                        span: Some(start..i),
                    };
                }
            }
            _ => {
                let start = i;
                i = scalar_end(bytes, i);
                if let Some(path) = completed(&mut stack, (start, i), false, hold) {
                    return Located {
                        path,
                        span: Some(start..i),
                    };
                }
            }
        }
    }
    Located {
        path: path_of(&stack),
        span: None,
    }
}

/// The end of the number, `true`, `false` or `null` (or stray word) that
/// starts at `start`: the next delimiter, and at least one byte on, so that
/// the scan always moves on.
fn scalar_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() && !b" \t\n\r,:]}[{\"".contains(&bytes[i]) {
        i += 1;
    }
    i
}

/// After a value spanning `start..end` (an object or a list if `container`) was read in the innermost open
/// container: its path if it holds `at`, else `None`, and the array's count
/// moves on.
fn completed(
    stack: &mut [Frame],
    (start, end): (usize, usize),
    container: bool,
    Hold { at, syntax }: Hold,
) -> Option<String> {
    let holds = if syntax {
        // At the end: only where the byte before it is the one peeked at, inside the value
        // (a one-byte value, or the `}` of `{}`), not the last byte of a value already read.
        (start < at && at < end) || (at == end && end - start == if container { 2 } else { 1 })
    } else {
        start < at && at <= end
    } || (container && start == at);
    if holds {
        return Some(path_of(stack));
    }
    if let Some(Frame::Array { index, .. }) = stack.last_mut() {
        *index += 1;
    }
    None
}

/// The path of the current slot of the innermost open container.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index, .. } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The JSON string starting at the quote at `start`, unescaped, and the
/// offset just after its closing quote (the end of the text if it has none).
fn string_at(json: &str, start: usize) -> (String, usize) {
    let mut out = String::new();
    let mut chars = json[start + 1..].char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '"' => return (out, start + 1 + k + 1),
            '\\' => match chars.next().map(|(_, e)| e) {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                    let code = u32::from_str_radix(&hex, 16).ok();
                    out.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
                }
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    (out, json.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin::ZHEJIANG_JSON;
    use crate::core::plan::PlanSpec;
    use serde::Deserialize;
    use serde_json::{json, Value};

    #[test]
    fn offsets_count_lines_and_bytes() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        assert_eq!(offset_of(text, 1, 0), 0);
        assert_eq!(offset_of(text, 2, 0), 2);
        assert_eq!(offset_of(text, 3, 3), 15);
        assert_eq!(&text[offset_of(text, 3, 2)..offset_of(text, 3, 5)], "\"b\"");
        // Past the text: clamped.
        assert_eq!(offset_of(text, 9, 0), text.len());
        assert_eq!(offset_of(text, 1, 99), text.len());
    }

    #[test]
    fn the_innermost_value_holding_the_offset_names_the_path() {
        let text = r#"{"a": {"b": [1, "x", {"c": true}]}, "d\"e": null}"#;
        let after = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(path_at(text, after("1")), "a.b[0]");
        assert_eq!(path_at(text, after("\"x\"")), "a.b[1]");
        assert_eq!(path_at(text, after("true")), "a.b[2].c");
        // One byte into a value (serde_json's position when it peeked at it).
        assert_eq!(path_at(text, text.find("true").unwrap() + 1), "a.b[2].c");
        // Just after an object or array: that container.
        assert_eq!(path_at(text, after("true}")), "a.b[2]");
        assert_eq!(path_at(text, after("true}]")), "a.b");
        assert_eq!(path_at(text, after("true}]}")), "a");
        // Just after a key: the object that holds it (a repeated key is the object's fault).
        assert_eq!(path_at(text, after("\"c\"")), "a.b[2]");
        // After a comma, before the next key: the object.
        assert_eq!(path_at(text, after("\"x\",")), "a.b");
        assert_eq!(path_at(r#"{"a": 1, x"#, 9), "");
        // Escaped keys are unescaped.
        assert_eq!(path_at(text, after("null")), "d\"e");
        assert_eq!(path_at(text, text.len()), "");
        assert_eq!(path_at(text, 0), "");
        // At the first byte of a value (where serde_json stops when it peeks at an object or a list).
        assert_eq!(path_at(text, text.find("{\"c").unwrap()), "a.b[2]");
        assert_eq!(path_at(text, text.find('[').unwrap()), "a.b");
    }

    /// The path `serde_path_to_error` gives for a plan file's fault (as the
    /// loader wrote it before this module), or `None` when the file loads.
    fn tracked(json: &str) -> Option<String> {
        let mut de = serde_json::Deserializer::from_str(json);
        let e = serde_path_to_error::deserialize::<_, PlanSpec>(&mut de).err()?;
        let path = e.path().to_string();
        Some(match path.as_str() {
            "." | "?" => String::new(),
            p => p.strip_suffix(".?").unwrap_or(p).to_string(),
        })
    }

    /// Every value of `v` with its path, objects and arrays included.
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(c, &p, out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    walk(c, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }

    /// The value at `path` of `walk`, mutably.
    fn at<'v>(v: &'v mut Value, path: &str) -> &'v mut Value {
        let mut cur = v;
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let (key, rest) = part.split_once('[').unwrap_or((part, ""));
            if !key.is_empty() {
                cur = &mut cur[key];
            }
            for i in rest.split('[').filter(|r| !r.is_empty()) {
                cur = &mut cur[i.trim_end_matches(']').parse::<usize>().unwrap()];
            }
        }
        cur
    }

    /// For every `step`th value of the Zhejiang plan: given a wrong type (in turn, a
    /// string for a number, a number for a string, a list for an object, an
    /// object for a list or a choice, null), and removed from its object, the plan's
    /// fault is named at the path `serde_path_to_error` gives, written compact
    /// and (one in five) indented, so lines and columns are both exercised.
    fn paths_agree_with_serde_path_to_error(step: usize) {
        let seed: Value = serde_json::from_str(ZHEJIANG_JSON).unwrap();
        let mut paths = Vec::new();
        walk(&seed, "", &mut paths);
        let (mut compared, mut faulty) = (0, 0);
        for (n, path) in paths.iter().enumerate().filter(|(n, _)| n % step == 0) {
            let n = n / step;
            let wrong: Vec<Value> = match at(&mut seed.clone(), path) {
                Value::String(_) => vec![json!(5), json!({}), json!([1])],
                Value::Number(_) => vec![json!("x"), json!(true), json!(null)],
                Value::Bool(_) => vec![json!("x"), json!(1)],
                Value::Object(_) => vec![json!([]), json!(5)],
                Value::Array(_) => vec![json!({}), json!("x")],
                Value::Null => vec![json!([])],
            };
            let mut v = seed.clone();
            *at(&mut v, path) = wrong[n % wrong.len()].clone();
            let mut files = vec![v];
            if let Some((parent, key)) = path.rsplit_once('.').or(Some(("", path.as_str()))) {
                if !key.contains('[') && !key.is_empty() {
                    let mut v = seed.clone();
                    if let Value::Object(m) = at(&mut v, parent) {
                        m.remove(key);
                        files.push(v);
                    }
                }
            }
            for file in files {
                // Every file compact, every fifth also indented (one line per value).
                let mut texts = vec![file.to_string()];
                if n.is_multiple_of(5) {
                    texts.push(serde_json::to_string_pretty(&file).unwrap());
                }
                for text in texts {
                    compared += 1;
                    let Some(want) = tracked(&text) else { continue };
                    faulty += 1;
                    let mut de = serde_json::Deserializer::from_str(&text);
                    let e = PlanSpec::deserialize(&mut de).expect_err("both parse the same");
                    let got = path_at(&text, offset_of(&text, e.line(), e.column()));
                    assert_eq!(got, want, "{path}: {e}");
                }
            }
        }
        assert!(paths.len() > 500, "{} values", paths.len());
        assert!(faulty * step > 1800, "{faulty} faulty files of {compared}");
        eprintln!("{faulty} faulty files of {compared} compared");
    }

    /// One value in seven: all of them take the debug build's tests half a minute longer, and
    /// cargo-mutants runs them for every mutant.
    #[test]
    fn paths_agree_with_serde_path_to_error_for_one_field_in_seven() {
        paths_agree_with_serde_path_to_error(7);
    }

    /// Every value: `cargo test --lib -- --ignored every_field`.
    #[test]
    #[ignore = "half a minute in a debug build; the sampled test runs by default"]
    fn paths_agree_with_serde_path_to_error_for_every_field() {
        paths_agree_with_serde_path_to_error(1);
    }

    #[test]
    fn a_syntax_error_at_the_byte_after_a_value_is_the_containers() {
        // serde_json stops at the `,` where a choice's `}` was due: the choice's fault.
        let text = r#"{"kind": {"level": null, "percent": null}}"#;
        let comma = text.find(", ").unwrap();
        assert_eq!(syntax_path_at(text, comma), "kind");
        assert_eq!(path_at(text, comma), "kind.level");
        // One byte into a value it peeked at: that value, a digit included.
        let text = r#"{"role": 5, "kind": true, "mode": [1]}"#;
        let after = |needle: &str| text.find(needle).unwrap() + 1;
        assert_eq!(syntax_path_at(text, after("5")), "role");
        assert_eq!(syntax_path_at(text, after("true")), "kind");
        assert_eq!(syntax_path_at(text, after("[1]")), "mode");
        assert_eq!(syntax_path_at(text, text.find("[1]").unwrap()), "mode");
        let text = r#"{"role": {}, "kind": []}"#;
        assert_eq!(syntax_path_at(text, text.find("{}").unwrap() + 2), "role");
        assert_eq!(syntax_path_at(text, text.find("[]").unwrap() + 2), "kind");
        // With the value's bytes.
        let at = text.find("[]").unwrap();
        assert_eq!(
            locate(text, at + 2, true),
            Located {
                path: "kind".into(),
                span: Some(at..at + 2)
            }
        );
        assert_eq!(locate(r#"{"a": "#, 6, true).span, None);
    }

    #[test]
    fn text_that_is_not_json_still_gives_a_path() {
        assert_eq!(path_at(r#"{"a": [1, 2"#, 11), "a[1]");
        assert_eq!(path_at(r#"{"a": {"b": "#, 12), "a.b");
        assert_eq!(path_at(r#"{"a": "unterminated"#, 19), "a");
        assert_eq!(path_at("]]", 2), "");
        assert_eq!(path_at("", 0), "");
        assert_eq!(path_at(r#"{"\u00e9\ud800": 1}"#, 18), "é\u{fffd}");
    }
}
