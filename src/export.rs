//! Exports and imports: CSV of every path, the reported values, the
//! scenario as JSON, the citation and the embed snippet. Pure, so all of it
//! is tested natively. Text from a plan file stays text: CSV fields are
//! quoted and cannot start a spreadsheet formula, attributes are escaped.

use crate::core::engine::{run, Scenario, Status, Verdict};
use crate::core::map::Map;
use crate::core::plan::Plan;
use crate::core::reported::{ReportStatus, Reported};
use crate::i18n::Lang;
use crate::notice::{ImportProblem, Notice};
use crate::state::{self, Action, State};
use serde::{Deserialize, Serialize};
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

/// Decimal places of `v` as written in a plan or data file (its shortest
/// round-trip form): `46.8` → 1, `20` → 0, `6.25` → 2.
fn written_decimals(v: f64) -> usize {
    let s = format!("{v}");
    if s.contains('e') {
        return 0;
    }
    s.split_once('.').map_or(0, |(_, d)| d.len())
}

/// Decimal places that indicator `ind`'s values support: one more than
/// the most precise figure the plan gives for it (its baseline and target),
/// at most 6. A projection from `46.8` is written `48.57`, not
/// `48.56603773584906`; one from `8196` is written `9046.3`.
pub fn value_decimals(ind: &crate::core::plan::Indicator) -> usize {
    let given = ind
        .baseline
        .as_ref()
        .filter(|b| b.implied.is_none())
        .map(|b| written_decimals(b.value))
        .into_iter()
        .chain(ind.target.as_ref().map(|t| written_decimals(t.value)))
        .max()
        .unwrap_or(0);
    (given + 1).min(6)
}

/// Decimal places of a growth of slider `ind`: one more than its step's
/// (`0.1` → 2, `0.05` → 3), at most 6.
pub fn growth_decimals(ind: &crate::core::plan::Indicator) -> usize {
    ind.slider
        .as_ref()
        .map_or(2, |sl| (written_decimals(sl.step) + 1).min(6))
}

/// `v` rounded to `decimals` places, trailing zeros kept (a column reads
/// alike), `-0` written `0`; empty for a value that is not finite.
pub fn rounded(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.decimals$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// A growth for reading: rounded to the slider's precision, trailing zeros
/// dropped, signed (`+6`, `+8.54`, `-2`).
fn growth_text(ind: &crate::core::plan::Indicator, g: f64) -> String {
    let s = rounded(g, growth_decimals(ind));
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s.starts_with('-') || s == "0" {
        s
    } else {
        format!("+{s}")
    }
}

/// The scenario in one sentence, in `lang`: the growth of every driver and
/// of every slider the reader moved (and of the sliders in `also`), each
/// with its unit and price basis ("nominal" where the plan says money
/// growth is nominal), growth set year by year, baselines entered, the
/// horizon beyond the target year, and that the rest are at the plan's
/// defaults. E.g. `Scenario: GDP +6% a year, nominal (current prices);
/// Digital economy value added +10% a year, nominal (current prices); other
/// growth rates at the plan's defaults`.
pub fn scenario_sentence(plan: &Plan, scenario: &Scenario, lang: Lang, also: &[&str]) -> String {
    use crate::core::plan::Role;
    let s = lang.s();
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let mut parts: Vec<String> = Vec::new();
    let mut shown = 0;
    let with_slider = plan.indicators.iter().filter(|i| i.slider.is_some());
    for ind in with_slider.clone() {
        let wanted = ind.role == Role::Driver
            || scenario.growth.contains_key(&ind.id)
            || also.contains(&ind.id.as_str());
        let (Some(sl), Some(g), true) = (ind.slider.as_ref(), scenario.growth_of(ind), wanted)
        else {
            continue;
        };
        shown += 1;
        let unit = crate::i18n::growth_unit(lang, sl.mode, &ind.unit);
        let gap = if lang == Lang::En && !unit.starts_with('%') {
            " "
        } else {
            ""
        };
        let mut t = format!(
            "{} {}{gap}{unit}",
            lang.pick(&ind.name),
            growth_text(ind, g),
        );
        if let Some(w) = crate::i18n::prices_word(lang, sl.prices) {
            t.push_str(if lang == Lang::Zh { "，" } else { ", " });
            t.push_str(w);
        }
        parts.push(t);
    }
    for (id, years) in &scenario.paths {
        if let (Some(ind), false) = (plan.indicator(id), years.is_empty()) {
            let unit = ind.slider.as_ref().map_or(String::new(), |sl| {
                crate::i18n::growth_unit(lang, sl.mode, &ind.unit)
            });
            let (year_mark, gap) = match lang {
                Lang::Zh => ("年", ""),
                Lang::En if unit.starts_with('%') => ("", ""),
                Lang::En => ("", " "),
            };
            let list: Vec<String> = years
                .iter()
                .map(|(y, g)| format!("{y}{year_mark} {}{gap}{unit}", growth_text(ind, *g)))
                .collect();
            let t = crate::i18n::fill(s.scenario_years, "name", lang.pick(&ind.name));
            parts.push(crate::i18n::fill(&t, "years", list.join(", ")));
        }
    }
    for (id, v) in &scenario.baselines {
        if let Some(ind) = plan.indicator(id) {
            let value = format!(
                "{} {}",
                rounded(*v, value_decimals(ind).saturating_sub(1)),
                lang.pick(&ind.unit)
            );
            let t = crate::i18n::fill(s.scenario_baseline, "name", lang.pick(&ind.name));
            parts.push(crate::i18n::fill(&t, "value", value));
        }
    }
    if scenario.horizon != plan.target_year {
        parts.push(crate::i18n::fill(
            s.scenario_horizon,
            "year",
            scenario.horizon,
        ));
    }
    if with_slider.count() > shown {
        parts.push(s.scenario_rest.to_string());
    }
    format!("{}{}", s.scenario_intro, parts.join(sep))
}

/// A named scenario to set beside the reader's: the reference.
#[derive(Debug, Clone, Copy)]
pub struct Reference<'a> {
    /// Its name, as the page shows it.
    pub name: &'a str,
    /// Its settings.
    pub scenario: &'a Scenario,
}

/// What the CSV of every path describes besides the plan and the scenario.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// The reader's scenario.
    pub scenario: &'a Scenario,
    /// The reference scenario, projected beside it.
    pub reference: Option<Reference<'a>>,
    /// The reported values the page holds.
    pub reported: &'a [Reported],
    /// The permalink of the scenario.
    pub link: &'a str,
    /// The language of the scenario sentence.
    pub lang: Lang,
}

impl<'a> Table<'a> {
    /// The paths of `scenario` alone: no reference, no reported values, no link.
    pub fn new(plan: &'a Plan, scenario: &'a Scenario) -> Table<'a> {
        Table {
            plan,
            scenario,
            reference: None,
            reported: &[],
            link: "",
            lang: Lang::En,
        }
    }
}

/// The header of [`csv`]: one column per fact, so that the file reads with
/// a plain `pandas.read_csv(f)` and in Excel, and every row says which
/// scenario it belongs to.
pub const CSV_HEADER: &str = "id,name_zh,name_en,unit_zh,unit_en,year,value,target_year,target,verdict,required_growth,growth_unit,section,growth,prices,reference,reference_value,reference_verdict,reported_value,reported_status,reported_source,reported_url,scenario,link";

/// The word of a verdict in the CSV.
fn verdict_word(v: Verdict) -> &'static str {
    if v == Verdict::Hit {
        "hit"
    } else {
        "miss"
    }
}

/// The word of a reported value's status in the CSV.
fn status_word(s: ReportStatus) -> &'static str {
    match s {
        ReportStatus::Reported => "reported",
        ReportStatus::FirstRelease => "first-release",
        ReportStatus::Revised => "revised",
        ReportStatus::LowerBound => "lower-bound",
    }
}

/// Every indicator's yearly path under the table's scenario, one row per
/// indicator and year (every year of the path and every year with a
/// reported value), UTF-8 with a BOM, columns [`CSV_HEADER`]:
/// - `value`, `reference_value` rounded to [`value_decimals`] of the
///   indicator, `required_growth` and `growth` to [`growth_decimals`] of
///   its slider; `growth` is the growth applied in that year (a per-year
///   setting where there is one), `prices` its price basis;
/// - `reference` the reference scenario's name, with its projection and
///   verdict; `reported_*` the value published for that year (the one the
///   chart shows), its status, source and link, as published;
/// - `scenario` the scenario in one sentence ([`scenario_sentence`]) and
///   `link` its permalink, on every row.
///
/// Indicators that need a baseline or could not be computed get one row
/// saying so (and a row per reported value).
pub fn csv(t: &Table) -> String {
    let plan = t.plan;
    let mut out = String::from(BOM);
    out.push_str(CSV_HEADER);
    out.push('\n');
    let Ok(r) = run(plan, t.scenario) else {
        return out;
    };
    let reference = t
        .reference
        .and_then(|rf| Some((rf.name, run(plan, rf.scenario).ok()?)));
    let sentence = csv_field(&scenario_sentence(plan, t.scenario, t.lang, &[]));
    let link = csv_field(t.link);
    for (ind, o) in plan.indicators.iter().zip(&r.outcomes) {
        let slider = plan.slider_for(&ind.id);
        let mode = slider
            .and_then(|d| {
                let sl = d.slider.as_ref()?;
                Some(crate::i18n::growth_unit(Lang::En, sl.mode, &d.unit))
            })
            .map(|u| csv_field(&u))
            .unwrap_or_default();
        let prices = slider
            .and_then(|d| d.slider.as_ref())
            .map_or("", |sl| match sl.prices {
                crate::core::plan::Prices::Nominal => "nominal",
                crate::core::plan::Prices::Real => "real",
                crate::core::plan::Prices::NotMoney => "",
            });
        let years_growth = slider.map_or_else(Map::new, |d| {
            crate::core::engine::growth_by_year(plan, t.scenario, &d.id)
        });
        let gdec = slider.map_or(2, growth_decimals);
        let vdec = value_decimals(ind);
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
        let (ref_name, ref_status) = match &reference {
            Some((name, rr)) => (csv_field(name), rr.get(&ind.id).map(|o| &o.status)),
            None => (String::new(), None),
        };
        let (ref_path, ref_verdict) = match ref_status {
            Some(Ok(Status::Assessed(a))) => (Some(&a.path), verdict_word(a.verdict)),
            Some(Ok(Status::Projected(p))) => (Some(p), ""),
            _ => (None, ""),
        };
        let mine = crate::core::reported::for_chart(t.reported, &ind.id);
        let (path, verdict, req) = match &o.status {
            Ok(Status::Assessed(a)) => (
                Some(&a.path),
                verdict_word(a.verdict).to_string(),
                a.required.map(|g| rounded(g, gdec)).unwrap_or_default(),
            ),
            Ok(Status::Projected(p)) => (Some(p), String::new(), String::new()),
            Ok(Status::NeedsBaseline) => (None, "needs-baseline".into(), String::new()),
            Err(e) => (None, csv_field(&format!("error: {e}")), String::new()),
        };
        let mut years: Vec<Option<u16>> = match path {
            Some(p) => p.points().map(|(y, _)| Some(y)).collect(),
            None => vec![None],
        };
        for rep in &mine {
            if !years.contains(&Some(rep.year)) {
                years.push(Some(rep.year));
            }
        }
        crate::core::order::sort_by(&mut years, Ord::cmp);
        for year in years {
            let at = |p: Option<&crate::core::engine::Path>| {
                year.and_then(|y| p?.at(y))
                    .map(|v| rounded(v, vdec))
                    .unwrap_or_default()
            };
            let growth = year
                .and_then(|y| years_growth.get(&y))
                .map(|g| rounded(*g, gdec))
                .unwrap_or_default();
            let rep = year.and_then(|y| mine.iter().find(|r| r.year == y));
            let reported = rep.map_or(",,,".to_string(), |r| {
                format!(
                    "{},{},{},{}",
                    r.value,
                    status_word(r.status),
                    csv_field(&r.source),
                    csv_field(&r.url)
                )
            });
            let (ref_value, ref_v) = if ref_path.is_some() {
                (at(ref_path), ref_verdict)
            } else {
                (String::new(), "")
            };
            let _ = writeln!(
                out,
                "{head},{},{},{ty},{tv},{verdict},{req},{mode},{},{growth},{prices},{ref_name},{ref_value},{ref_v},{reported},{sentence},{link}",
                year.map(|y| y.to_string()).unwrap_or_default(),
                at(path),
                csv_field(&ind.section)
            );
        }
    }
    out
}

/// The words around an exported chart (issue 11), as Our World in Data
/// puts them on a download: all in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    /// The goal: the category, the indicator and its target as the plan prints it.
    pub title: String,
    /// The scenario in one sentence ([`scenario_sentence`]).
    pub scenario: String,
    /// The projected value in the target year, hit or missed, and the
    /// reference's where there is one.
    pub verdict: String,
    /// The plan and its document number, and the sources of the published
    /// values drawn.
    pub source: String,
    /// `plansim` and the permalink.
    pub footer: String,
}

/// What an export of indicator `id`'s chart says about itself, under
/// `scenario` (and `reference`), with the `reported` values the page holds
/// and the permalink `link`; `None` for an indicator with no target or no
/// projection.
pub fn describe(
    plan: &Plan,
    id: &str,
    scenario: &Scenario,
    reference: Option<Reference>,
    reported: &[Reported],
    lang: Lang,
    link: &str,
) -> Option<Described> {
    use crate::i18n::{comparator_sign, fill, goal_heading};
    let s = lang.s();
    let ind = plan.indicator(id)?;
    let t = ind.target.as_ref()?;
    let assessed = |sc: &Scenario| match crate::core::engine::assess(plan, sc, id) {
        Ok(Status::Assessed(a)) => Some(a),
        _ => None,
    };
    let a = assessed(scenario)?;
    let unit = lang.pick(&ind.unit);
    let gap = if unit.starts_with('%') || lang == Lang::Zh && !unit.is_ascii() {
        ""
    } else {
        " "
    };
    let dec = value_decimals(ind).saturating_sub(1).max(1);
    let value = |v: f64| format!("{}{gap}{unit}", crate::chart::grouped(v, dec));
    let word = |v: Verdict| if v == Verdict::Hit { s.hit } else { s.miss };
    let target = match (lang, &t.printed) {
        (Lang::Zh, Some(p)) => p.clone(),
        _ => format!(
            "{} {}",
            comparator_sign(t.comparator),
            format_args!(
                "{}{gap}{unit}",
                crate::chart::grouped(t.value, written_decimals(t.value))
            )
        ),
    };
    let mut verdict = fill(s.export_verdict, "year", t.year);
    verdict = fill(&verdict, "value", value(a.projected));
    verdict = fill(&verdict, "verdict", word(a.verdict));
    verdict = fill(&verdict, "target", &target);
    if let Some(rf) = reference {
        if let Some(r) = assessed(rf.scenario) {
            let sep = if lang == Lang::Zh { "；" } else { "; " };
            let (colon, comma) = if lang == Lang::Zh {
                ("：", "，")
            } else {
                (": ", ", ")
            };
            verdict.push_str(&format!(
                "{sep}{}{colon}{}{comma}{}",
                rf.name,
                value(r.projected),
                word(r.verdict)
            ));
        }
    }
    let mut sources: Vec<&str> = Vec::new();
    for r in crate::core::reported::for_chart(reported, id) {
        if !sources.contains(&r.source.as_str()) {
            sources.push(&r.source);
        }
    }
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let sources = if sources.is_empty() {
        s.export_no_sources.to_string()
    } else {
        sources.join(sep)
    };
    let mut source = fill(s.export_source, "plan", lang.pick(&plan.title));
    source = fill(&source, "doc", &plan.document_number);
    source = fill(&source, "sources", sources);
    Some(Described {
        title: goal_heading(plan, ind, lang),
        scenario: scenario_sentence(plan, scenario, lang, &[&plan.slider_for(id)?.id]),
        verdict,
        source,
        footer: format!("plansim · {link}"),
    })
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
    pub growth: Map<String, f64>,
    /// Per-year growth per indicator.
    #[serde(default)]
    pub paths: Map<String, Map<u16, f64>>,
    /// Baselines the reader supplied.
    #[serde(default)]
    pub baselines: Map<String, f64>,
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
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub growth: Map<String, f64>,
    /// A pinned reference's per-year growths.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub paths: Map<String, Map<u16, f64>>,
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
                state::Reference::Preset(_) => Map::new(),
            },
            paths: match &st.reference {
                state::Reference::Pinned { paths, .. } => paths.clone(),
                state::Reference::Preset(_) => Map::new(),
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
        let status = status_word(r.status);
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

    /// RFC 4180 records of `text` (quoted fields, doubled quotes, line
    /// breaks inside quotes), as a spreadsheet or pandas reads them.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field) = (vec![], vec![], String::new());
        let (mut quoted, mut chars) = (false, text.chars().peekable());
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted, "an unclosed quote");
        if !field.is_empty() || !row.is_empty() {
            row.push(field);
            rows.push(row);
        }
        rows
    }

    fn table_of<'a>(
        plan: &'a Plan,
        sc: &'a Scenario,
        reference: &'a Scenario,
        reported: &'a [Reported],
    ) -> Table<'a> {
        Table {
            reference: Some(Reference {
                name: "Reported pace",
                scenario: reference,
            }),
            reported,
            link: "https://example.org/#g.gdp=6&lang=en",
            ..Table::new(plan, sc)
        }
    }

    #[test]
    fn csv_has_bom_header_and_every_path() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let out = csv(&Table::new(&plan, &sc));
        assert!(out.starts_with(BOM));
        let lines: Vec<&str> = out.trim_start_matches(BOM).lines().collect();
        assert!(lines[0].starts_with("id,name_zh,"));
        let g5: Vec<&&str> = lines
            .iter()
            .filter(|l| l.starts_with("base_stations_5g,"))
            .collect();
        assert_eq!(g5.len(), 6, "2020-2025");
        assert!(g5[0].contains(",2020,6.30,2025,20,hit,"), "{}", g5[0]);
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
    fn csv_parses_back_with_the_scenario_reference_and_sources_on_every_row() {
        let plan = zj();
        let mut sc = Scenario::new(&plan);
        sc.growth.insert("gdp".into(), 6.0);
        sc.growth.insert("de_value_added".into(), 10.0);
        sc.paths
            .insert("gdp".into(), Map::from([(2022, -2.0), (2023, 3.5)]));
        let rows_rep = crate::core::builtin::reported_for(&plan);
        let paces = crate::core::reported::paces(&plan, &rows_rep);
        let reference = crate::core::presets::preset_scenario(
            &plan,
            &sc,
            crate::core::presets::Preset::Reported,
            &paces,
        );
        let out = csv(&table_of(&plan, &sc, &reference, &rows_rep));
        let rows = parse_csv(out.trim_start_matches(BOM));
        let head = &rows[0];
        assert_eq!(head.join(","), CSV_HEADER);
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        for r in &rows {
            assert_eq!(r.len(), head.len(), "{r:?}");
        }
        let body = &rows[1..];
        // Values rounded to what the data support, never 15 digits.
        for r in body {
            for c in ["value", "reference_value", "growth", "required_growth"] {
                let v = &r[col(c)];
                let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                assert!(decimals <= 3, "{c} = {v} in {r:?}");
            }
        }
        let share: Vec<&Vec<String>> = body.iter().filter(|r| r[0] == "de_share").collect();
        let y2025 = share.iter().find(|r| r[col("year")] == "2025").unwrap();
        let v: f64 = y2025[col("value")].parse().unwrap();
        assert_eq!(
            y2025[col("value")],
            format!("{v:.2}"),
            "46.8 gives two places"
        );
        assert_eq!(y2025[col("reference")], "Reported pace");
        assert!(y2025[col("reference_value")].parse::<f64>().is_ok());
        assert!(["hit", "miss"].contains(&y2025[col("reference_verdict")].as_str()));
        // The scenario names every growth setting, nominal where money is.
        let sentence = &y2025[col("scenario")];
        for part in [
            "(GDP) +6% a year",
            "+10% a year",
            "nominal",
            "2022 -2",
            "2023 +3.5",
        ] {
            assert!(sentence.contains(part), "{part} in {sentence}");
        }
        assert!(body.iter().all(|r| &r[col("scenario")] == sentence));
        assert_eq!(y2025[col("link")], "https://example.org/#g.gdp=6&lang=en");
        // The growth applied each year, per-year settings included.
        let gdp: Vec<&Vec<String>> = body.iter().filter(|r| r[0] == "gdp").collect();
        let g = |y: &str| gdp.iter().find(|r| r[col("year")] == y).unwrap()[col("growth")].clone();
        assert_eq!(
            (g("2021"), g("2022"), g("2023")),
            ("6.00".into(), "-2.00".into(), "3.50".into())
        );
        assert_eq!(gdp[0][col("prices")], "nominal");
        // Every reported value the charts show, with its source and link.
        let shown: usize = plan
            .indicators
            .iter()
            .map(|i| crate::core::reported::for_chart(&rows_rep, &i.id).len())
            .sum();
        let with_source: Vec<&Vec<String>> = body
            .iter()
            .filter(|r| !r[col("reported_value")].is_empty())
            .collect();
        assert_eq!(with_source.len(), shown);
        for r in &with_source {
            assert!(!r[col("reported_source")].is_empty(), "{r:?}");
            assert!(r[col("reported_status")].len() > 3);
        }
        assert!(with_source
            .iter()
            .any(|r| r[col("reported_url")].starts_with("http")));
    }

    #[test]
    fn the_scenario_sentence_says_what_moved_and_what_did_not() {
        let plan = zj();
        let sc = Scenario::new(&plan);
        let en = scenario_sentence(&plan, &sc, Lang::En, &[]);
        assert!(
            en.starts_with("Scenario: Gross domestic product (GDP) +"),
            "{en}"
        );
        assert!(
            en.contains("nominal") && en.ends_with("other growth rates at the plan's defaults")
        );
        let zh = scenario_sentence(&plan, &sc, Lang::Zh, &["base_stations_5g"]);
        assert!(
            zh.starts_with("情景：") && zh.contains("名义") && zh.contains("5G"),
            "{zh}"
        );
        let mut all = sc.clone();
        for i in plan.indicators.iter().filter(|i| i.slider.is_some()) {
            all.growth.insert(i.id.clone(), 1.0);
        }
        all.horizon = 2035;
        all.baselines.insert("digital_trade".into(), 5000.0);
        let en = scenario_sentence(&plan, &all, Lang::En, &[]);
        assert!(!en.contains("defaults"), "every slider named: {en}");
        assert!(
            en.contains("projected to 2035") && en.contains("baseline 5000"),
            "{en}"
        );
    }

    #[test]
    fn values_are_rounded_to_what_the_plan_gives() {
        let plan = zj();
        let ind = |id: &str| plan.indicator(id).unwrap();
        assert_eq!(value_decimals(ind("de_share")), 2);
        assert_eq!(value_decimals(ind("hightech_firms")), 1);
        assert_eq!(rounded(48.56603773584906, 2), "48.57");
        assert_eq!(rounded(-0.001, 2), "0.00");
        assert_eq!(rounded(f64::NAN, 2), "");
        assert_eq!(growth_decimals(ind("gdp")), 2);
        assert_eq!(growth_decimals(ind("rd_intensity")), 3);
        assert_eq!(growth_text(ind("gdp"), 8.5437), "+8.54");
        assert_eq!(growth_text(ind("gdp"), -2.0), "-2");
    }

    #[test]
    fn an_exported_chart_names_its_scenario_verdict_sources_and_link() {
        let plan = zj();
        let mut sc = Scenario::new(&plan);
        sc.growth.insert("gdp".into(), 6.0);
        sc.growth.insert("de_value_added".into(), 10.0);
        let rows = crate::core::builtin::reported_for(&plan);
        let link = "https://example.org/#g.gdp=6&g.de_value_added=10&lang=en";
        let reference = Scenario::new(&plan);
        let rf = Some(Reference {
            name: "Reported pace",
            scenario: &reference,
        });
        let d = describe(&plan, "de_share", &sc, rf, &rows, Lang::En, link).unwrap();
        assert!(d.title.contains("60"), "{}", d.title);
        assert!(
            d.scenario.contains("(GDP) +6% a year, nominal"),
            "{}",
            d.scenario
        );
        assert!(d.scenario.contains("+10% a year"), "{}", d.scenario);
        assert!(d.verdict.starts_with("Projected 2025: "), "{}", d.verdict);
        assert!(d.verdict.contains("Reported pace: "), "{}", d.verdict);
        assert!(d.source.contains(&plan.document_number));
        assert!(d.source.contains("published values: "));
        let shown = crate::core::reported::for_chart(&rows, "de_share");
        assert!(
            !shown.is_empty() && d.source.contains(&shown[0].source),
            "{}",
            d.source
        );
        assert_eq!(d.footer, format!("plansim · {link}"));
        let zh = describe(&plan, "base_stations_5g", &sc, None, &rows, Lang::Zh, link).unwrap();
        assert!(
            zh.source.starts_with("来源：《") && zh.verdict.starts_with("2025年预测："),
            "{zh:?}"
        );
        assert!(
            zh.scenario.contains("5G"),
            "the chart's own slider: {}",
            zh.scenario
        );
        assert!(
            describe(&plan, "gdp", &sc, None, &rows, Lang::En, link).is_none(),
            "no target"
        );
    }

    /// The plan's default scenario, in English, with nothing noted.
    fn english(plan: &Plan) -> State {
        State {
            scenario: Scenario::new(plan),
            lang: Lang::En,
            notices: vec![],
            scale: Default::default(),
            reference: Default::default(),
        }
    }

    #[test]
    fn scenario_json_round_trips() {
        let plan = zj();
        let mut s = english(&plan);
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
    fn a_scenario_files_numbers_import_back_bit_for_bit() {
        // Growths of 17 significant digits, some of which serde_json's reader
        // without its float_roundtrip feature lands on a neighbouring float
        // (issue 10 tried it: 9 KB gzip less, and this test fails).
        let plan = zj();
        let mut s = english(&plan);
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for y in 2021..=2035 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 30.0 - 5.0;
            s = state::reduce(&plan, &s, Action::SetHorizon(2035));
            s = state::reduce(
                &plan,
                &s,
                Action::TypePathYear("gdp".into(), y, format!("{v:?}")),
            );
            s = state::reduce(&plan, &s, Action::SetGrowth("digital_trade".into(), v));
        }
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        let json = scenario_json(&plan, &s);
        let back = import_scenario(&plan, &json, Lang::Zh).unwrap();
        assert_eq!(back.scenario, s.scenario, "{json}");
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
