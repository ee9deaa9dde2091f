//! Values published after a plan started, each with its source, read from a
//! CSV file (see `docs/plan-format.md`); the built-in ones are `seeds/*.csv`.

use super::plan::Plan;
use std::fmt;

/// How a reported value was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    /// The value as published.
    Reported,
    /// The first release of a year that was later revised.
    FirstRelease,
    /// The revision; it wins over the first release.
    Revised,
    /// Published as "more than X".
    LowerBound,
}

/// One published value.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// Indicator id, as in the plan.
    pub indicator: String,
    /// Year the value refers to.
    pub year: u16,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// How it was published.
    pub status: ReportStatus,
    /// The publication.
    pub source: String,
    /// Where it was read; may be empty.
    pub url: String,
    /// Remarks; may be empty.
    pub note: String,
}

/// Why the reported-values file was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedError {
    /// 1-based line of the file.
    pub line: usize,
    /// What is wrong.
    pub problem: ReportedProblem,
}

/// What is wrong with a line of a reported-values file; `Display` words it
/// in English (the interface words it in the reader's language).
#[derive(Debug, Clone, PartialEq)]
pub enum ReportedProblem {
    /// The file holds nothing.
    EmptyFile,
    /// The header lacks a column.
    MissingColumn(String),
    /// A quoted field runs to the end of the file.
    UnclosedQuote,
    /// No indicator of the plan has this id.
    UnknownIndicator(String),
    /// The unit is not the indicator's Chinese unit.
    UnitDiffers {
        /// The unit in the file.
        found: String,
        /// The plan's.
        plan: String,
    },
    /// The year is not a year.
    NotAYear(String),
    /// The year lies outside the plan's years after the base year.
    YearOutside {
        /// The year.
        year: u16,
        /// First year allowed.
        from: u16,
        /// Last year allowed.
        to: u16,
    },
    /// The value is not a finite number.
    NotANumber(String),
    /// The status is none of the four.
    UnknownStatus(String),
}

impl fmt::Display for ReportedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ReportedProblem as P;
        match self {
            P::EmptyFile => write!(f, "empty file"),
            P::MissingColumn(c) => write!(f, "missing column `{c}`"),
            P::UnclosedQuote => write!(f, "a quoted field is not closed"),
            P::UnknownIndicator(id) => write!(f, "unknown indicator `{id}`"),
            P::UnitDiffers { found, plan } => {
                write!(f, "unit `{found}` differs from the plan's `{plan}`")
            }
            P::NotAYear(y) => write!(f, "year `{y}` is not a year"),
            P::YearOutside { year, from, to } => write!(f, "year {year} is outside {from}-{to}"),
            P::NotANumber(v) => write!(f, "value `{v}` is not a number"),
            P::UnknownStatus(s) => write!(
                f,
                "unknown status `{s}` (reported, first-release, revised or lower-bound)"
            ),
        }
    }
}

impl fmt::Display for ReportedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for ReportedError {}

/// The Zhejiang values, which this module's tests are written against.
#[cfg(test)]
pub const ZHEJIANG_REPORTED_CSV: &str = include_str!("../../seeds/zhejiang-reported-2021-2024.csv");

/// Splits CSV text into records (RFC 4180: quoted fields may hold commas,
/// quotes as `""`, and line breaks). Returns each record with its first line.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ReportedError> {
    let mut out = Vec::new();
    let (mut rec, mut field) = (Vec::new(), String::new());
    let (mut line, mut start, mut quoted, mut any) = (1usize, 1usize, false, false);
    let mut chars = text.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        any = true;
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => rec.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                rec.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut rec)));
                line += 1;
                start = line;
                any = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(ReportedError {
            line: start,
            problem: ReportedProblem::UnclosedQuote,
        });
    }
    if any {
        rec.push(field);
        out.push((start, rec));
    }
    Ok(out)
}

/// Parses and checks reported values against `plan`.
///
/// # Errors
/// A [`ReportedError`] for a malformed file, a missing column, an unknown
/// indicator, a unit that differs from the plan's, a year outside the plan
/// period, a value that is not a finite number, or an unknown status.
pub fn parse(plan: &Plan, text: &str) -> Result<Vec<Reported>, ReportedError> {
    let recs = records(text)?;
    let Some((_, header)) = recs.first() else {
        return Err(ReportedError {
            line: 1,
            problem: ReportedProblem::EmptyFile,
        });
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| ReportedError {
                line: 1,
                problem: ReportedProblem::MissingColumn(name.to_string()),
            })
    };
    let [ind, year, value, unit, status, source, url, note] = [
        "indicator",
        "year",
        "value",
        "unit",
        "status",
        "source",
        "url",
        "note",
    ]
    .map(col);
    let (ind, year, value, unit, status, source, url, note) =
        (ind?, year?, value?, unit?, status?, source?, url?, note?);
    let mut out = Vec::new();
    for (line, r) in recs.iter().skip(1) {
        if r.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let bad = |problem: ReportedProblem| ReportedError {
            line: *line,
            problem,
        };
        let get = |i: usize| unguard(r.get(i).map(|s| s.trim()).unwrap_or(""));
        let id = get(ind);
        let Some(indicator) = plan.indicator(id) else {
            return Err(bad(ReportedProblem::UnknownIndicator(id.to_string())));
        };
        if get(unit) != indicator.unit.zh {
            return Err(bad(ReportedProblem::UnitDiffers {
                found: get(unit).to_string(),
                plan: indicator.unit.zh.clone(),
            }));
        }
        let y: u16 = get(year)
            .parse()
            .map_err(|_| bad(ReportedProblem::NotAYear(get(year).to_string())))?;
        if !(plan.base_year < y && y <= plan.vision_year) {
            return Err(bad(ReportedProblem::YearOutside {
                year: y,
                from: plan.base_year + 1,
                to: plan.vision_year,
            }));
        }
        let v: f64 = get(value)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| bad(ReportedProblem::NotANumber(get(value).to_string())))?;
        let st = match get(status) {
            "reported" => ReportStatus::Reported,
            "first-release" => ReportStatus::FirstRelease,
            "revised" => ReportStatus::Revised,
            "lower-bound" => ReportStatus::LowerBound,
            other => return Err(bad(ReportedProblem::UnknownStatus(other.to_string()))),
        };
        out.push(Reported {
            indicator: id.to_string(),
            year: y,
            value: v,
            status: st,
            source: get(source).to_string(),
            url: get(url).to_string(),
            note: get(note).to_string(),
        });
    }
    Ok(out)
}

/// A field without the `'` that spreadsheet exports put before a leading
/// `=`, `+`, `-` or `@` so that it is not read as a formula.
fn unguard(field: &str) -> &str {
    field
        .strip_prefix('\'')
        .filter(|rest| rest.starts_with(['=', '+', '-', '@']))
        .unwrap_or(field)
}

/// The values of `id` for charts, one a year: a revision wins over its first release.
pub fn for_chart<'a>(all: &'a [Reported], id: &str) -> Vec<&'a Reported> {
    let mut mine: Vec<&Reported> = all.iter().filter(|r| r.indicator == id).collect();
    super::order::sort_by_key(&mut mine, |r| (r.year, r.status == ReportStatus::Revised));
    let mut out: Vec<&Reported> = Vec::new();
    for r in mine {
        match out.last() {
            Some(last) if last.year == r.year => *out.last_mut().expect("non-empty") = r,
            _ => out.push(r),
        }
    }
    out
}

/// The constant growth that links an indicator's baseline to its latest
/// reported value on the baseline's vintage.
#[derive(Debug, Clone, PartialEq)]
pub struct Pace {
    /// Indicator id.
    pub indicator: String,
    /// Growth in the slider's unit (relative % a year, or points a year).
    pub growth: f64,
    /// Baseline year.
    pub from: u16,
    /// Year of the reported value.
    pub to: u16,
    /// True where the reported value was "more than X": the pace is a floor,
    /// "at least", and never drives a projection as if it were a point.
    pub lower_bound: bool,
    /// True where the only values after the baseline were published after a
    /// revision (an economic census, say) that the baseline predates: the
    /// pace then mixes two vintages and overstates or understates growth.
    pub mixed_vintage: bool,
    /// The year of a revision that the pace stops short of, to stay on the
    /// baseline's vintage; `None` where the series was never revised.
    pub revised_from: Option<u16>,
}

impl Pace {
    /// True where the pace is a point estimate that may set a slider: not a
    /// lower bound.
    pub fn is_point(&self) -> bool {
        !self.lower_bound
    }
}

/// The values of `id` on the vintage of a baseline published before any
/// revision: when a year was revised, the revision and every later year
/// belong to the new vintage, and the first release of that year and the
/// years before it to the old one. Sorted by year, one a year.
///
/// Returns the old-vintage values and the year of the first revision
/// (`None` where the series was never revised).
pub fn on_baseline_vintage<'a>(all: &'a [Reported], id: &str) -> (Vec<&'a Reported>, Option<u16>) {
    let revised = all
        .iter()
        .filter(|r| r.indicator == id && r.status == ReportStatus::Revised)
        .map(|r| r.year)
        .min();
    let mut mine: Vec<&Reported> = all
        .iter()
        .filter(|r| r.indicator == id)
        .filter(|r| match revised {
            None => true,
            Some(y) => r.year < y || (r.year == y && r.status == ReportStatus::FirstRelease),
        })
        .collect();
    super::order::sort_by_key(&mut mine, |r| r.year);
    mine.dedup_by_key(|r| r.year);
    (mine, revised)
}

/// The latest year with a published value of `id` (any vintage, bounds included).
pub fn latest_year(all: &[Reported], id: &str) -> Option<u16> {
    all.iter()
        .filter(|r| r.indicator == id)
        .map(|r| r.year)
        .max()
}

/// For every indicator with a slider, a baseline and a reported value: the
/// annual growth from the baseline `B` (year `y0`) to the latest reported
/// value `V` (year `y1`) on the baseline's vintage (see
/// [`on_baseline_vintage`]), in the slider's unit: relative
/// `((V / B)^(1 / (y1 − y0)) − 1) × 100`, points `(V − B) / (y1 − y0)`.
/// Where no value shares the baseline's vintage, the latest value of any
/// vintage is used and [`Pace::mixed_vintage`] says so.
pub fn paces(plan: &Plan, all: &[Reported]) -> Vec<Pace> {
    use super::plan::GrowthMode;
    plan.indicators
        .iter()
        .filter_map(|ind| {
            let slider = ind.slider.as_ref()?;
            let base = ind.baseline.as_ref()?;
            let (same, revised) = on_baseline_vintage(all, &ind.id);
            let after = |r: &&&Reported| r.year > base.year;
            let (last, mixed) = match same.iter().rev().find(after) {
                Some(r) => (*r, false),
                None => (
                    *for_chart(all, &ind.id).iter().rev().find(after)?,
                    revised.is_some(),
                ),
            };
            let n = f64::from(last.year - base.year);
            let growth = match slider.mode {
                GrowthMode::Relative if base.value > 0.0 && last.value >= 0.0 => {
                    ((last.value / base.value).powf(1.0 / n) - 1.0) * 100.0
                }
                GrowthMode::Points | GrowthMode::Additive => (last.value - base.value) / n,
                GrowthMode::Relative => return None,
            };
            growth.is_finite().then(|| Pace {
                indicator: ind.id.clone(),
                growth,
                from: base.year,
                to: last.year,
                lower_bound: last.status == ReportStatus::LowerBound,
                mixed_vintage: mixed,
                revised_from: revised.filter(|_| !mixed),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    #[test]
    fn shipped_file_parses_and_matches_the_plan() {
        let plan = zj();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        assert_eq!(all.len(), 18);
        let gdp = for_chart(&all, "gdp");
        let years: Vec<(u16, f64)> = gdp.iter().map(|r| (r.year, r.value)).collect();
        assert_eq!(
            years,
            [
                (2021, 73516.0),
                (2022, 77715.0),
                (2023, 85620.0),
                (2024, 90131.0)
            ],
            "the revision wins"
        );
        let g5 = for_chart(&all, "base_stations_5g");
        assert_eq!(
            (g5[0].year, g5[0].value, g5[0].status),
            (2022, 17.1, ReportStatus::LowerBound)
        );
        assert!(
            all.iter().all(|r| !r.source.is_empty()),
            "every value carries its source"
        );
        let de = &for_chart(&all, "de_value_added")[0];
        assert!(
            de.note.contains("48.6%"),
            "quoted note with a comma: {}",
            de.note
        );
    }

    #[test]
    fn paces_link_the_baseline_to_the_latest_report_on_its_vintage() {
        let plan = zj();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        let p = paces(&plan, &all);
        let get = |id: &str| p.iter().find(|x| x.indicator == id).unwrap();
        // GDP 2023 was revised after the economic census (82553 -> 85620);
        // the 2020 baseline predates it, so the pace stops at the 2023
        // first release: (82553 / 64568.38)^(1/3) - 1 = 8.535%, not the
        // mixed-vintage (90131 / 64568.38)^(1/4) - 1 = 8.696%.
        let gdp = get("gdp");
        assert_eq!(
            (gdp.from, gdp.to, gdp.revised_from),
            (2020, 2023, Some(2023))
        );
        assert!(!gdp.mixed_vintage && gdp.is_point());
        assert!((gdp.growth - 8.535).abs() < 0.001, "{}", gdp.growth);
        // (22 / 6.3)^(1/3) - 1 = 51.71%, only a floor: "more than 22万"
        let g5 = get("base_stations_5g");
        assert!((g5.growth - 51.71).abs() < 0.01 && g5.lower_bound, "{g5:?}");
        assert!(!g5.is_point());
        // (43300 / 30218)^(1/3) - 1 = 12.739%
        assert!((get("de_value_added").growth - 12.739).abs() < 0.001);
        assert_eq!(get("de_value_added").revised_from, None);
        // (9390.2 / 7035)^(1/2) - 1 = 15.53%
        assert!((get("software_revenue").growth - 15.53).abs() < 0.01);
        // (653 / 263)^(1/3) - 1 = 35.41%
        assert!((get("smart_factories").growth - 35.41).abs() < 0.01);
        assert!(
            p.iter().all(|x| x.indicator != "de_share"),
            "a ratio has no slider"
        );
        assert!(
            p.iter().all(|x| x.indicator != "industry_brains"),
            "no baseline, no pace"
        );
        assert_eq!(p.len(), 7);
    }

    fn row(id: &str, year: u16, value: f64, status: ReportStatus) -> Reported {
        Reported {
            indicator: id.into(),
            year,
            value,
            status,
            source: "s".into(),
            url: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn a_pace_with_only_revised_values_says_it_mixes_vintages() {
        let plan = zj();
        let all = [
            row("gdp", 2021, 90000.0, ReportStatus::Revised),
            row("gdp", 2022, 99000.0, ReportStatus::Reported),
        ];
        let (same, revised) = on_baseline_vintage(&all, "gdp");
        assert!(same.is_empty());
        assert_eq!(revised, Some(2021));
        let p = paces(&plan, &all);
        let gdp = p.iter().find(|x| x.indicator == "gdp").unwrap();
        assert!(gdp.mixed_vintage, "{gdp:?}");
        assert_eq!((gdp.to, gdp.revised_from), (2022, None));
        assert_eq!(latest_year(&all, "gdp"), Some(2022));
        assert_eq!(latest_year(&all, "de_share"), None);
    }

    #[test]
    fn a_points_pace_is_the_mean_change_in_points() {
        let plan = zj();
        let id = plan
            .indicators
            .iter()
            .find(|i| {
                i.baseline.is_some()
                    && i.slider
                        .as_ref()
                        .is_some_and(|s| s.mode == crate::core::GrowthMode::Points)
            })
            .unwrap();
        let b = id.baseline.as_ref().unwrap();
        let all = [row(
            &id.id,
            b.year + 2,
            b.value + 3.0,
            ReportStatus::Reported,
        )];
        let p = paces(&plan, &all);
        // (B + 3 - B) / 2 = 1.5 points a year
        assert!((p[0].growth - 1.5).abs() < 1e-12, "{p:?}");
    }

    #[test]
    fn bad_files_name_the_line() {
        let plan = zj();
        let head = "indicator,year,value,unit,status,source,url,note\n";
        for (body, line, want) in [
            ("nope,2021,1,亿元,reported,s,,\n", 2, "unknown indicator"),
            ("gdp,2021,1,万元,reported,s,,\n", 2, "unit"),
            (
                "gdp,2021,1,亿元,reported,s,,\ngdp,2019,1,亿元,reported,s,,\n",
                3,
                "outside",
            ),
            ("gdp,20x1,1,亿元,reported,s,,\n", 2, "not a year"),
            ("gdp,2021,lots,亿元,reported,s,,\n", 2, "not a number"),
            ("gdp,2021,1,亿元,guessed,s,,\n", 2, "unknown status"),
            ("gdp,2021,1,亿元,reported,\"s,,\n", 2, "not closed"),
        ] {
            let e = parse(&plan, &format!("{head}{body}")).unwrap_err();
            assert_eq!(e.line, line, "{body}: {e}");
            assert!(e.problem.to_string().contains(want), "{body}: {e}");
        }
        assert_eq!(
            parse(&plan, "").unwrap_err().problem,
            ReportedProblem::EmptyFile
        );
        assert!(parse(&plan, "indicator,year\n")
            .unwrap_err()
            .problem
            .to_string()
            .contains("missing column"));
        assert_eq!(parse(&plan, head).unwrap(), vec![]);
        let guarded = format!("{head}gdp,2021,1,亿元,reported,s,,'+1% real\n");
        assert_eq!(parse(&plan, &guarded).unwrap()[0].note, "+1% real");
    }
}

#[cfg(test)]
#[path = "reported_tests.rs"]
pub(crate) mod csv_tests;
