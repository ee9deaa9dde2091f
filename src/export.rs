//! Exports and imports: CSV of every path, the reported values, the
//! scenario as JSON, the citation and the embed snippet. Pure, so all of it
//! is tested natively. Text from a plan file stays text: CSV fields are
//! quoted and cannot start a spreadsheet formula, attributes are escaped.

use crate::core::engine::{run, Scenario, Status, Verdict};
use crate::core::plan::Plan;
use crate::core::reported::{ReportStatus, Reported};
use crate::i18n::Lang;
use crate::notice::{ImportProblem, Notice};
use crate::state::{self, Action, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The byte-order mark that makes Excel read a CSV as UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// A text field of a CSV file: quoted where it holds a comma, quote or line
/// break, and prefixed with `'` where it would start a spreadsheet formula
/// (`=`, `+`, `-`, `@`, tab or carriage return), so that a name from a plan
/// file is never run by Excel or LibreOffice.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Every indicator's yearly path under `scenario`, one row per indicator and
/// year, with its verdict; UTF-8 with a BOM. Indicators that need a baseline
/// or could not be computed get one row saying so.
pub fn csv(plan: &Plan, scenario: &Scenario) -> String {
    let mut out = String::from(BOM);
    out.push_str("id,name_zh,name_en,unit_zh,unit_en,year,value,target_year,target,verdict,required_growth,growth_unit,section\n");
    let Ok(r) = run(plan, scenario) else {
        return out;
    };
    for (ind, o) in plan.indicators.iter().zip(&r.outcomes) {
        let mode = plan
            .slider_for(&ind.id)
            .and_then(|d| {
                let sl = d.slider.as_ref()?;
                Some(crate::i18n::growth_unit(Lang::En, sl.mode, &d.unit))
            })
            .map(|u| csv_field(&u))
            .unwrap_or_default();
        let (ty, tv) = ind
            .target
            .as_ref()
            .map_or((String::new(), String::new()), |t| {
                (t.year.to_string(), t.value.to_string())
            });
        let head = [
            &ind.id,
            &ind.name.zh,
            &ind.name.en,
            &ind.unit.zh,
            &ind.unit.en,
        ]
        .map(|s| csv_field(s))
        .join(",");
        let mut row = |year: String, value: String, verdict: &str, req: String| {
            let _ = writeln!(
                out,
                "{head},{year},{value},{ty},{tv},{verdict},{req},{mode},{}",
                csv_field(&ind.section)
            );
        };
        match &o.status {
            Ok(Status::Assessed(a)) => {
                let verdict = if a.verdict == Verdict::Hit {
                    "hit"
                } else {
                    "miss"
                };
                let req = a.required.map(|g| g.to_string()).unwrap_or_default();
                for (y, v) in a.path.points() {
                    row(y.to_string(), v.to_string(), verdict, req.clone());
                }
            }
            Ok(Status::Projected(p)) => {
                for (y, v) in p.points() {
                    row(y.to_string(), v.to_string(), "", String::new());
                }
            }
            Ok(Status::NeedsBaseline) => row(
                String::new(),
                String::new(),
                "needs-baseline",
                String::new(),
            ),
            Err(e) => row(
                String::new(),
                String::new(),
                &csv_field(&format!("error: {e}")),
                String::new(),
            ),
        }
    }
    out
}

/// A scenario file: what the reader chose, for one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Version of this format; only 1 exists.
    pub plansim: u32,
    /// Id of the plan the scenario is for.
    pub plan: String,
    /// `zh` or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Last year projected.
    pub horizon: u16,
    /// Constant growth per indicator.
    #[serde(default)]
    pub growth: BTreeMap<String, f64>,
    /// Per-year growth per indicator.
    #[serde(default)]
    pub paths: BTreeMap<String, BTreeMap<u16, f64>>,
    /// Baselines the reader supplied.
    #[serde(default)]
    pub baselines: BTreeMap<String, f64>,
    /// issue 7: the reference the scenario is held against; files without
    /// it are read with the default reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceFile>,
}

/// issue 7: the reference in a scenario file, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    /// `reported`, `plan`, `trend` or `pinned`, as `cmp=` in links.
    pub cmp: String,
    /// Its name in the file's language, for people; not read back.
    #[serde(default)]
    pub name: String,
    /// A pinned reference's constant growths.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub growth: BTreeMap<String, f64>,
    /// A pinned reference's per-year growths.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, BTreeMap<u16, f64>>,
}

/// The scenario as pretty JSON.
pub fn scenario_json(plan: &Plan, st: &State) -> String {
    let f = ScenarioFile {
        plansim: 1,
        plan: plan.id.clone(),
        lang: Some(st.lang.tag().to_string()),
        horizon: st.scenario.horizon,
        growth: st.scenario.growth.clone(),
        paths: st.scenario.paths.clone(),
        baselines: st.scenario.baselines.clone(),
        reference: Some(ReferenceFile {
            cmp: st.reference.key().to_string(),
            name: st.reference.label(st.lang).to_string(),
            growth: match &st.reference {
                state::Reference::Pinned { growth, .. } => growth.clone(),
                state::Reference::Preset(_) => BTreeMap::new(),
            },
            paths: match &st.reference {
                state::Reference::Pinned { paths, .. } => paths.clone(),
                state::Reference::Preset(_) => BTreeMap::new(),
            },
        }),
    };
    serde_json::to_string_pretty(&f).unwrap_or_default()
}

/// The largest scenario file read, in bytes: one with a per-year growth
/// for every indicator and year of a large plan is a few tens of kilobytes.
pub const MAX_SCENARIO_BYTES: usize = 1 << 20;

/// Reads a scenario file into a new state, all or nothing, in time linear
/// in its size: each value goes through the same checks as a link part,
/// applied in place.
///
/// # Errors
/// What is wrong: larger than [`MAX_SCENARIO_BYTES`], not JSON of this
/// format, another plan or version, or the values the engine refuses (an
/// unknown indicator, a bad growth), the first few named and the rest
/// counted.
pub fn import_scenario(plan: &Plan, text: &str, lang: Lang) -> Result<State, ImportProblem> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(ImportProblem::TooLarge {
            bytes: text.len(),
            limit: MAX_SCENARIO_BYTES,
        });
    }
    let text = text.trim_start_matches(BOM);
    let f: ScenarioFile = serde_json::from_str(text).map_err(|e| ImportProblem::NotScenario {
        line: e.line(),
        column: e.column(),
    })?;
    if f.plansim != 1 {
        return Err(ImportProblem::Version(f.plansim));
    }
    if f.plan != plan.id {
        return Err(ImportProblem::OtherPlan {
            file: state::excerpt(&f.plan),
            plan: plan.id.clone(),
        });
    }
    // The reader's language until the file's applies, after.
    let mut s = State {
        scenario: Scenario::new(plan),
        lang,
        notices: vec![],
        scale: Default::default(),
        reference: Default::default(),
    };
    state::apply(plan, &mut s, Action::SetHorizon(f.horizon));
    for (id, g) in f.growth {
        state::apply(plan, &mut s, Action::SetGrowth(id, g));
    }
    for (id, b) in f.baselines {
        state::apply(plan, &mut s, Action::TypeBaseline(id, b.to_string()));
    }
    for (id, years) in f.paths {
        if plan.indicator(&id).is_none() {
            // Once, not once per year: the id may be long.
            state::apply(
                plan,
                &mut s,
                Action::Notice(Notice::NoIndicator(state::excerpt(&id))),
            );
            continue;
        }
        for (y, g) in years {
            state::apply(
                plan,
                &mut s,
                Action::TypePathYear(id.clone(), y, g.to_string()),
            );
        }
    }
    // issue 7: the reference, through the checks of the link's cmp parts.
    if let Some(r) = f.reference {
        let mut parts = vec![format!("cmp={}", r.cmp)];
        parts.extend(r.growth.iter().map(|(id, g)| format!("cmp.g.{id}={g}")));
        for (id, years) in &r.paths {
            parts.extend(years.iter().map(|(y, g)| format!("cmp.p.{id}.{y}={g}")));
        }
        for part in parts {
            if let Err(n) = state::apply_reference_part(plan, &mut s, &part) {
                state::apply(plan, &mut s, Action::Notice(n));
            }
        }
    }
    if s.notices.is_empty() {
        s.lang = f.lang.as_deref().and_then(Lang::from_tag).unwrap_or(lang);
        Ok(s)
    } else {
        Err(ImportProblem::Refused(s.notices))
    }
}

/// "How to cite": the plan, its number and date, and the permalink.
pub fn citation(plan: &Plan, lang: Lang, permalink: &str, accessed: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：《{}》（{}），{}。情景由 plansim 计算：{}（访问于 {}）。",
            plan.issuer.zh, plan.title.zh, plan.document_number, plan.issued, permalink, accessed
        ),
        Lang::En => format!(
            "{} ({}). {} [{}], issued {}. Scenario computed with plansim: {} (accessed {}).",
            plan.issuer.en,
            plan.issued.chars().take(4).collect::<String>(),
            plan.title.en,
            plan.document_number,
            plan.issued,
            permalink,
            accessed
        ),
    }
}

/// The page URL of `plan_query` (the `?plan=` part, `""` for the default
/// plan) and `fragment`.
pub fn permalink(base: &str, plan_query: &str, fragment: &str) -> String {
    format!("{base}{plan_query}#{fragment}")
}

/// The page URL of an embed of `view` (an indicator id, or `headline`) of
/// the plan in `plan_query`, with the scenario fragment.
pub fn embed_url(base: &str, plan_query: &str, view: &str, fragment: &str) -> String {
    let sep = if plan_query.is_empty() { '?' } else { '&' };
    format!("{base}{plan_query}{sep}embed={view}#{fragment}")
}

/// The reported values the page holds, in the format they are loaded in
/// (`docs/plan-format.md`), each row with its source; UTF-8 with a BOM.
pub fn reported_csv(plan: &Plan, rows: &[Reported]) -> String {
    let mut out = String::from(BOM);
    out.push_str("indicator,year,value,unit,status,source,url,note\n");
    for r in rows {
        let unit = plan
            .indicator(&r.indicator)
            .map_or("", |i| i.unit.zh.as_str());
        let status = match r.status {
            ReportStatus::Reported => "reported",
            ReportStatus::FirstRelease => "first-release",
            ReportStatus::Revised => "revised",
            ReportStatus::LowerBound => "lower-bound",
        };
        let _ = writeln!(
            out,
            "{},{},{},{},{status},{},{},{}",
            r.indicator,
            r.year,
            r.value,
            csv_field(unit),
            csv_field(&r.source),
            csv_field(&r.url),
            csv_field(&r.note)
        );
    }
    out
}

/// `url` where it is a web address (`http://` or `https://`), to be shown
/// as a link; `None` for anything else (`javascript:`, `data:`, a path),
/// which is shown as text.
pub fn web_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim_start())
}

/// An `<iframe>` snippet for an embed URL.
pub fn embed_snippet(url: &str, title: &str, height: u32) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:720px\" loading=\"lazy\"></iframe>",
        esc(url),
        esc(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    #[test]
    fn csv_has_bom_header_and_every_path() {
        let plan = zj();
        let out = csv(&plan, &Scenario::new(&plan));
        assert!(out.starts_with(BOM));
        let lines: Vec<&str> = out.trim_start_matches(BOM).lines().collect();
        assert!(lines[0].starts_with("id,name_zh,"));
        let g5: Vec<&&str> = lines
            .iter()
            .filter(|l| l.starts_with("base_stations_5g,"))
            .collect();
        assert_eq!(g5.len(), 6, "2020-2025");
        assert!(g5[0].contains(",2020,6.3,2025,20,hit,"), "{}", g5[0]);
        assert!(g5[0].contains("5G基站数量"));
        let rd: Vec<&&str> = lines
            .iter()
            .filter(|l| l.starts_with("rd_intensity,"))
            .collect();
        assert_eq!(rd.len(), 7, "2019-2025");
        assert!(lines
            .iter()
            .any(|l| l.starts_with("digital_trade,") && l.contains("needs-baseline")));
        // Names with commas or quotes are quoted.
        assert!(lines.iter().any(|l| l.contains("\"R&D spending of core digital-economy industries above designated size, share of their value added\"")));
        for id in plan.indicators.iter().map(|i| &i.id) {
            assert!(
                lines.iter().any(|l| l.starts_with(&format!("{id},"))),
                "{id}"
            );
        }
    }

    #[test]
    fn scenario_json_round_trips() {
        let plan = zj();
        let mut s = State {
            scenario: Scenario::new(&plan),
            lang: Lang::En,
            notices: vec![],
            scale: Default::default(),
            reference: Default::default(),
        };
        for a in [
            Action::SetGrowth("gdp".into(), 6.5),
            Action::TypeBaseline("digital_trade".into(), "5000".into()),
            Action::TypePathYear("gdp".into(), 2022, "-2".into()),
            Action::SetHorizon(2035),
        ] {
            s = state::reduce(&plan, &s, a);
        }
        let json = scenario_json(&plan, &s);
        assert!(json.contains("\"2022\": -2.0"), "{json}");
        assert!(json.contains("\"cmp\": \"reported\""), "{json}");
        assert!(json.contains("\"name\": \"reported pace\""), "{json}");
        let back = import_scenario(&plan, &json, Lang::Zh).unwrap();
        assert_eq!(back, s);
        // issue 7: a pinned reference is written with its values and read back.
        for r in [
            state::Action::PinReference,
            state::Action::SetReference(state::Reference::Preset(state::Preset::Trend)),
        ] {
            let t = state::reduce(&plan, &s, r);
            let t = state::reduce(&plan, &t, Action::SetGrowth("gdp".into(), 1.0));
            let json = scenario_json(&plan, &t);
            assert_eq!(
                import_scenario(&plan, &json, Lang::Zh).unwrap(),
                t,
                "{json}"
            );
        }
        let bad = json.replace("\"cmp\": \"reported\"", "\"cmp\": \"junk\"");
        let e = crate::notice::Notice::ImportRefused(
            import_scenario(&plan, &bad, Lang::En).unwrap_err(),
        );
        assert!(
            e.text(Lang::En).contains("reference (cmp=)"),
            "{}",
            e.text(Lang::En)
        );
    }

    #[test]
    fn a_bad_scenario_file_is_refused_whole() {
        let plan = zj();
        for (text, want) in [
            ("", "not a plansim scenario file"),
            ("{", "not a plansim scenario file"),
            ("[1,2]", "not a plansim scenario file"),
            (
                r#"{"plansim":1,"plan":"other","horizon":2025}"#,
                "another plan: `other`",
            ),
            (
                r#"{"plansim":2,"plan":"zhejiang-digital-economy-14fyp","horizon":2025}"#,
                "version 2",
            ),
            (
                r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"extra":1}"#,
                "not a plansim scenario file (line 1, column",
            ),
            (
                r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"growth":{"gdp":"x"}}"#,
                "not a plansim",
            ),
            (
                r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"growth":{"gdp":5,"nope":1}}"#,
                "nope",
            ),
            (
                r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2050}"#,
                "horizon 2050",
            ),
            (
                r#"{"plansim":1,"plan":"zhejiang-digital-economy-14fyp","horizon":2025,"baselines":{"mobile_office":400}}"#,
                "100",
            ),
        ] {
            let e = crate::notice::Notice::ImportRefused(
                import_scenario(&plan, text, Lang::En).unwrap_err(),
            )
            .text(Lang::En);
            assert!(e.contains(want), "{text}: {e}");
        }
    }

    #[test]
    fn citation_names_plan_number_date_and_link() {
        let plan = zj();
        for lang in [Lang::Zh, Lang::En] {
            let c = citation(&plan, lang, "https://example.org/#g.gdp=6", "2026-11-29");
            for part in [
                "浙政办发〔2021〕35号",
                "2021-06-16",
                "https://example.org/#g.gdp=6",
                "2026-11-29",
            ] {
                assert!(c.contains(part), "{c}");
            }
        }
        assert!(citation(&plan, Lang::Zh, "x", "y").contains("浙江省数字经济发展“十四五”规划"));
    }

    #[test]
    fn embed_snippet_escapes_its_attributes() {
        let url = embed_url("https://x.org/plansim/", "", "de_share", "g.gdp=6&lang=en");
        assert_eq!(url, "https://x.org/plansim/?embed=de_share#g.gdp=6&lang=en");
        let s = embed_snippet(&url, "plansim: \"share\"", 420);
        assert!(s.contains("src=\"https://x.org/plansim/?embed=de_share#g.gdp=6&amp;lang=en\""));
        assert!(s.contains("title=\"plansim: &quot;share&quot;\""));
        assert!(s.contains("height=\"420\""));
        let other = embed_url("https://x.org/", "?plan=p.json", "v", "lang=zh");
        assert_eq!(other, "https://x.org/?plan=p.json&embed=v#lang=zh");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_link("https://a.org/x"), Some("https://a.org/x"));
        assert_eq!(web_link(" HTTP://a.org"), Some("HTTP://a.org"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "/x",
            "",
        ] {
            assert_eq!(web_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn csv_text_never_starts_a_formula() {
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("@x, y"), "\"'@x, y\"");
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn reported_values_export_in_the_format_they_load_in() {
        let plan = zj();
        let rows = crate::core::builtin::reported_for(&plan);
        let out = reported_csv(&plan, &rows);
        assert!(out.starts_with(BOM));
        let back = crate::core::reported::parse(&plan, &out).unwrap();
        assert_eq!(back, rows, "what the page holds, sources and all");
    }
}
