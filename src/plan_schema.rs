//! `docs/plan.schema.json`, the JSON Schema of the plan file, generated from
//! the Rust types of `src/core/plan.rs` (schemars, in tests only, so the app
//! does not carry it), and the tests that keep the committed file in step.
//!
//! Regenerate it after changing the plan types:
//! `PLANSIM_WRITE_SCHEMA=1 cargo test --lib plan_schema`.

use crate::core::plan::PlanSpec;
use serde_json::{json, Value};
use std::path::PathBuf;

const SCHEMA_PATH: &str = "docs/plan.schema.json";

/// The schema of the plan file: the types' schema (draft 2020-12), with the
/// rules that one field's presence puts on another, and an optional `$schema`
/// key so that an editor can be pointed at this file.
fn schema() -> Value {
    let mut s = serde_json::to_value(schemars::schema_for!(PlanSpec)).expect("a schema is JSON");
    s["$comment"] = json!(
        "Generated from the types in src/core/plan.rs by src/plan_schema.rs; \
         regenerate with PLANSIM_WRITE_SCHEMA=1 cargo test --lib plan_schema"
    );
    s["title"] = json!("plansim plan file, format 1");
    s["description"] = json!(
        "A plan for plansim: its metadata, categories and indicators. See docs/plan-format.md. \
         The schema checks each field's type and shape; `plancheck` also checks the rules \
         between fields (ids known and unique, years in order, ranges). plansim ignores the \
         fields that this schema flags as unknown, and `plancheck` warns about them."
    );
    s["properties"]["$schema"] = json!({
        "description": "Where an editor finds this schema; plansim ignores it.",
        "type": "string"
    });
    let defs = &mut s["$defs"];
    defs["Baseline"]["oneOf"] = json!([
        {
            "description": "a printed value",
            "required": ["value"],
            "properties": { "implied": { "type": "null" } }
        },
        {
            "description": "a value implied through a ratio",
            "required": ["implied"],
            "properties": { "implied": { "type": "object" } },
            "not": { "required": ["value"] }
        }
    ]);
    defs["Target"]["if"] = json!({ "properties": { "comparator": { "const": "about" } } });
    defs["Target"]["then"] = json!({
        "required": ["tolerance"],
        "properties": { "tolerance": { "type": "number", "minimum": 0 } }
    });
    defs["Target"]["else"] = json!({ "properties": { "tolerance": { "type": "null" } } });
    for def in ["Indicator", "Category"] {
        defs[def]["properties"]["id"]["pattern"] = json!("^[a-z0-9_]+$");
    }
    s["properties"]["format"]["const"] = json!(1);
    s
}

fn schema_text() -> String {
    serde_json::to_string_pretty(&schema()).expect("a schema prints") + "\n"
}

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn committed_schema_matches_the_plan_types() {
    let want = schema_text();
    if std::env::var_os("PLANSIM_WRITE_SCHEMA").is_some() {
        std::fs::write(repo(SCHEMA_PATH), &want).expect("write the schema");
    }
    let have = std::fs::read_to_string(repo(SCHEMA_PATH)).unwrap_or_default();
    assert!(
        have == want,
        "{SCHEMA_PATH} is out of date with the plan types in src/core/plan.rs; \
         regenerate it with `PLANSIM_WRITE_SCHEMA=1 cargo test --lib plan_schema` and commit it"
    );
}

/// Validates JSON values against the schema (the committed file, as
/// `committed_schema_matches_the_plan_types` shows; built in memory so that
/// regenerating the file cannot race these tests).
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new() -> Validator {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        let path = repo(SCHEMA_PATH);
        let path = path.to_str().unwrap();
        compiler.add_resource(path, schema()).unwrap();
        let index = compiler
            .compile(path, &mut schemas)
            .unwrap_or_else(|e| panic!("{SCHEMA_PATH} compiles: {e:#}"));
        Validator { schemas, index }
    }

    fn check(&self, v: &Value) -> Result<(), String> {
        self.schemas
            .validate(v, self.index)
            .map_err(|e| format!("{e}"))
    }
}

fn seed() -> Value {
    serde_json::from_str(crate::core::builtin::ZHEJIANG_JSON).unwrap()
}

/// Every plan the loader accepts in `seeds/` and `tests/fixtures/` is valid under the schema.
#[test]
fn schema_accepts_every_plan_the_loader_accepts() {
    let v = Validator::new();
    let mut checked = 0;
    for dir in ["seeds", "tests/fixtures"] {
        for entry in std::fs::read_dir(repo(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let loads = crate::core::Plan::from_json(&text).is_ok();
            let value: Value = serde_json::from_str(&text).unwrap();
            if loads {
                v.check(&value)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                checked += 1;
            }
        }
    }
    assert!(checked >= 1, "at least the shipped seed");
    let mut null_implied = seed();
    null_implied["indicators"][5]["baseline"]["implied"] = Value::Null;
    v.check(&null_implied).unwrap();
    assert!(crate::core::Plan::from_json(&null_implied.to_string()).is_ok());
    let mut with_schema_key = seed();
    with_schema_key["$schema"] = json!("../docs/plan.schema.json");
    v.check(&with_schema_key).unwrap();
    assert!(crate::core::Plan::from_json(&with_schema_key.to_string()).is_ok());
}

/// The schema flags what an editor should: wrong types and words, a missing
/// field, value with implied, `about` without tolerance, a bad id, and
/// (unlike the loader, which ignores them) unknown fields such as typos.
#[test]
fn schema_refuses_broken_plans() {
    let v = Validator::new();
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, bool); 9] = [
        (
            "role word",
            |p| p["indicators"][0]["role"] = json!("boss"),
            true,
        ),
        ("year type", |p| p["base_year"] = json!("2020"), true),
        (
            "missing field",
            |p| {
                p["indicators"][3].as_object_mut().unwrap().remove("unit");
            },
            true,
        ),
        (
            "value and implied",
            |p| p["indicators"][1]["baseline"]["value"] = json!(1),
            true,
        ),
        (
            "neither value nor implied",
            |p| p["indicators"][5]["baseline"] = json!({ "year": 2020 }),
            true,
        ),
        (
            "about without tolerance",
            |p| {
                p["indicators"][0]["target"]
                    .as_object_mut()
                    .unwrap()
                    .remove("tolerance");
            },
            true,
        ),
        (
            "tolerance on gte",
            |p| p["indicators"][5]["target"]["tolerance"] = json!(1),
            true,
        ),
        (
            "bad id",
            |p| p["indicators"][5]["id"] = json!("Patents"),
            true,
        ),
        (
            "a typo the loader ignores",
            |p| p["indicators"][5]["tolerence"] = json!(1),
            false,
        ),
    ];
    for (name, edit, loader_refuses) in cases {
        let mut p = seed();
        edit(&mut p);
        assert!(v.check(&p).is_err(), "{name}: the schema refuses it");
        assert_eq!(
            crate::core::Plan::from_json(&p.to_string()).is_err(),
            loader_refuses,
            "{name}"
        );
    }
}

/// Every object of the schema allows only its own fields, so that the seed
/// passing it shows the schema covers every field the seed uses.
#[test]
fn schema_allows_no_field_it_does_not_describe() {
    let s = schema();
    assert_eq!(s["additionalProperties"], json!(false));
    let defs = s["$defs"].as_object().unwrap();
    let objects: Vec<&String> = defs
        .iter()
        .filter(|(_, d)| d["type"] == json!("object"))
        .map(|(name, _)| name)
        .collect();
    assert!(objects.len() >= 8, "{objects:?}");
    for name in objects {
        assert_eq!(defs[name]["additionalProperties"], json!(false), "{name}");
    }
}
