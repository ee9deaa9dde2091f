//! The loader's words for a value of the wrong JSON type: what serde found
//! and what the field expects, as typed kinds, through `Plan::from_json` for
//! every kind a plan file can produce, and the mapping of serde's names
//! directly for the names serde_json never produces for this schema.

use super::{json_expected, json_found, JsonKind, Plan, PlanErrorKind};
use crate::core::test_plan::{edited, SEED};
use serde_json::{json, Value};

/// The path and kind of the error of the seed edited by `edit`.
fn fault(edit: impl FnOnce(&mut Value)) -> (String, PlanErrorKind) {
    let e = edited(edit).unwrap_err();
    (e.path, e.kind)
}

fn wrong(expected: JsonKind, found: JsonKind, value: Option<&str>) -> PlanErrorKind {
    PlanErrorKind::WrongType {
        expected,
        found,
        value: value.map(String::from),
    }
}

#[test]
fn every_kind_of_value_found_is_named() {
    let whole = |max: u64| JsonKind::WholeNumber { max };
    let cases: [(&str, Value, PlanErrorKind); 6] = [
        (
            "format",
            true.into(),
            wrong(whole(u32::MAX.into()), JsonKind::Bool, Some("true")),
        ),
        (
            "base_year",
            2020.5.into(),
            wrong(whole(65535), JsonKind::Number, Some("2020.5")),
        ),
        (
            "categories",
            json!({}),
            wrong(JsonKind::List, JsonKind::Object, None),
        ),
        (
            "id",
            json!([]),
            wrong(JsonKind::String, JsonKind::List, None),
        ),
        (
            "id",
            json!({}),
            wrong(JsonKind::String, JsonKind::Object, None),
        ),
        (
            "title",
            "x".into(),
            wrong(JsonKind::Object, JsonKind::String, Some("\"x\"")),
        ),
    ];
    for (field, value, kind) in cases {
        let got = fault(|v| v[field] = value.clone());
        assert_eq!(got, (field.to_string(), kind), "{field} = {value}");
    }
    assert_eq!(
        fault(|v| v["title"] = json!(7)).1.to_string(),
        "must be an object, not a number (7)"
    );
}

/// A field of a type the loader has no word for is named as serde names it.
#[test]
fn an_unnamed_expected_type_is_given_in_serde_words() {
    let (path, kind) = fault(|v| v["uncertainty"]["min_observations"] = (-1).into());
    assert_eq!(path, "uncertainty.min_observations");
    assert_eq!(
        kind,
        wrong(
            JsonKind::Other("usize".into()),
            JsonKind::Number,
            Some("-1")
        )
    );
    assert_eq!(kind.to_string(), "must be usize, not a number (-1)");
}

/// A value is shown up to 40 characters (the quote counts), longer ones
/// cut with `…`.
#[test]
fn long_values_are_cut_at_40_characters() {
    let shown = |n: usize| match fault(|v| v["format"] = "a".repeat(n).into()).1 {
        PlanErrorKind::WrongType { value, .. } => value.unwrap(),
        other => panic!("{other:?}"),
    };
    // 38 letters and two quotes: 40 characters, shown whole.
    assert_eq!(shown(38), format!("\"{}\"", "a".repeat(38)));
    // 39 letters: 41 characters, cut to 40 and marked.
    assert_eq!(shown(39), format!("\"{}…", "a".repeat(39)));
    assert_eq!(shown(60), format!("\"{}…", "a".repeat(39)));
    let (kind, value) = json_found("string \"ab\"");
    assert_eq!((kind, value.as_deref()), (JsonKind::String, Some("\"ab\"")));
}

/// serde's names of what a field expects, including those serde_json does
/// not produce for a plan (enums come as unknown variants, no field is a map).
#[test]
fn expected_names_map_to_kinds() {
    let whole = |max: u64| JsonKind::WholeNumber { max };
    for (name, kind) in [
        ("f64", JsonKind::Number),
        ("f32", JsonKind::Number),
        ("u8", whole(255)),
        ("u16", whole(65535)),
        ("u32", whole(u32::MAX.into())),
        ("u64", whole(u64::MAX)),
        ("a string", JsonKind::String),
        ("a boolean", JsonKind::Bool),
        ("a sequence", JsonKind::List),
        ("struct Text", JsonKind::Object),
        ("a map", JsonKind::Object),
        ("enum Role", JsonKind::Choice),
        ("variant identifier", JsonKind::Choice),
        ("a variant identifier", JsonKind::Choice),
        ("unit", JsonKind::Null),
        ("struct variant", JsonKind::Object),
        ("tuple variant", JsonKind::Other("tuple variant".into())),
        ("usize", JsonKind::Other("usize".into())),
        ("a map of maps", JsonKind::Other("a map of maps".into())),
        ("structure", JsonKind::Other("structure".into())),
        ("enumeration", JsonKind::Other("enumeration".into())),
        (
            "variant identifiers",
            JsonKind::Other("variant identifiers".into()),
        ),
    ] {
        assert_eq!(json_expected(name), kind, "{name}");
    }
    for (found, kind, value) in [
        ("boolean `true`", JsonKind::Bool, Some("true")),
        ("integer `5`", JsonKind::Number, Some("5")),
        ("floating point `1.5`", JsonKind::Number, Some("1.5")),
        ("null", JsonKind::Null, None),
        ("map", JsonKind::Object, None),
        ("sequence", JsonKind::List, None),
        ("unit variant", JsonKind::String, None),
        ("unit value", JsonKind::Other("unit value".into()), None),
        (
            "newtype variant",
            JsonKind::Other("newtype variant".into()),
            None,
        ),
    ] {
        let (k, v) = json_found(found);
        assert_eq!((k, v.as_deref()), (kind, value), "{found}");
    }
}

/// A choice (`role`, `kind`, a target's `comparator`, a slider's or a
/// class's `mode`) holding a number, `true`, `null`, a list or an object
/// that is not `{"variant": …}` is valid JSON of the wrong type, named at
/// its path like any other (serde_json calls it a syntax error, "expected
/// value", which the loader once reported as "not valid JSON").
#[test]
fn a_choice_of_the_wrong_type_is_named_at_its_path() {
    let choice = |found: JsonKind, value: Option<&str>| wrong(JsonKind::Choice, found, value);
    let shapes: [(Value, PlanErrorKind); 6] = [
        (json!(5), choice(JsonKind::Number, Some("5"))),
        (json!(-2.5), choice(JsonKind::Number, Some("-2.5"))),
        (json!(true), choice(JsonKind::Bool, Some("true"))),
        (Value::Null, choice(JsonKind::Null, None)),
        (json!([]), choice(JsonKind::List, None)),
        (json!({}), choice(JsonKind::Object, None)),
    ];
    // Each field's path in messages and as a JSON pointer.
    let fields = [
        ("indicators[1].role", "/indicators/1/role"),
        ("indicators[1].kind", "/indicators/1/kind"),
        (
            "indicators[0].target.comparator",
            "/indicators/0/target/comparator",
        ),
        ("indicators[1].slider.mode", "/indicators/1/slider/mode"),
        ("uncertainty.classes[0].mode", "/uncertainty/classes/0/mode"),
    ];
    for (path, pointer) in fields {
        for (value, kind) in &shapes {
            let got = fault(|v| *v.pointer_mut(pointer).unwrap() = value.clone());
            assert_eq!(got, (path.to_string(), kind.clone()), "{path} = {value}");
        }
    }
    assert_eq!(
        fault(|v| v["indicators"][1]["role"] = json!(5))
            .1
            .to_string(),
        "must be one of the allowed words, not a number (5)"
    );
    assert_eq!(
        fault(|v| v["indicators"][1]["kind"] = json!({}))
            .1
            .to_string(),
        "must be one of the allowed words, not an object"
    );
    // A known variant and a second key: read as far as the second key.
    assert_eq!(
        fault(|v| v["indicators"][1]["kind"] = json!({"level": null, "percent": null})),
        (
            "indicators[1].kind".to_string(),
            choice(JsonKind::Object, None)
        )
    );
}

/// A wrong-typed choice in a text that is not JSON after all is still
/// "not valid JSON"; one given twice, the second time as a word, is named by
/// the value the stream failed on, the first.
#[test]
fn a_wrong_typed_choice_in_broken_json_or_given_twice() {
    let mut v: Value = serde_json::from_str(SEED).unwrap();
    v["indicators"][1]["role"] = json!(5);
    let text = v.to_string();
    let broken = format!("{}, x}}", &text[..text.len() - 1]);
    let e = Plan::from_json(&broken).unwrap_err();
    assert!(matches!(e.kind, PlanErrorKind::NotJson { .. }), "{e}");
    assert_eq!(e.path, "indicators[1].role");
    let twice = text.replacen("\"role\":5", "\"role\":5,\"role\":\"table\"", 1);
    assert_ne!(twice, text);
    let e = Plan::from_json(&twice).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.kind),
        (
            "indicators[1].role",
            wrong(JsonKind::Choice, JsonKind::Number, Some("5"))
        )
    );
}

/// A choice in the wrong shape is named in the format's words, not serde's
/// (`unit`, `struct variant`): a word that takes no object given one
/// (`{"level": 1}`) must be `null` there, and one that takes an object
/// given as a bare word (`"ratio"`) must be an object.
#[test]
fn a_choice_in_the_wrong_shape_is_named_in_the_formats_words() {
    assert_eq!(
        fault(|v| v["indicators"][1]["kind"] = json!({"level": 1})),
        (
            "indicators[1].kind.level".to_string(),
            wrong(JsonKind::Null, JsonKind::Number, Some("1"))
        )
    );
    assert_eq!(
        fault(|v| v["indicators"][0]["kind"] = json!("ratio")),
        (
            "indicators[0].kind".to_string(),
            wrong(JsonKind::Object, JsonKind::String, None)
        )
    );
}
