//! Values published after the plan started (2021-2024), each with its source,
//! loaded from `seeds/zhejiang-reported-2021-2024.csv`.

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
    pub message: String,
}

impl fmt::Display for ReportedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ReportedError {}

/// The reported values that ship with plansim.
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
            message: "a quoted field is not closed".into(),
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
            message: "empty file".into(),
        });
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| ReportedError {
                line: 1,
                message: format!("missing column `{name}`"),
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
        let bad = |message: String| ReportedError {
            line: *line,
            message,
        };
        let get = |i: usize| r.get(i).map(|s| s.trim()).unwrap_or("");
        let id = get(ind);
        let Some(indicator) = plan.indicator(id) else {
            return Err(bad(format!("unknown indicator `{id}`")));
        };
        if get(unit) != indicator.unit.zh {
            return Err(bad(format!(
                "unit `{}` differs from the plan's `{}`",
                get(unit),
                indicator.unit.zh
            )));
        }
        let y: u16 = get(year)
            .parse()
            .map_err(|_| bad(format!("year `{}` is not a year", get(year))))?;
        if !(plan.base_year < y && y <= plan.vision_year) {
            return Err(bad(format!(
                "year {y} is outside {}-{}",
                plan.base_year + 1,
                plan.vision_year
            )));
        }
        let v: f64 = get(value)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| bad(format!("value `{}` is not a number", get(value))))?;
        let st = match get(status) {
            "reported" => ReportStatus::Reported,
            "first-release" => ReportStatus::FirstRelease,
            "revised" => ReportStatus::Revised,
            "lower-bound" => ReportStatus::LowerBound,
            other => return Err(bad(format!("unknown status `{other}`"))),
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

/// The values of `id` for charts, one a year: a revision wins over its first release.
pub fn for_chart<'a>(all: &'a [Reported], id: &str) -> Vec<&'a Reported> {
    let mut mine: Vec<&Reported> = all.iter().filter(|r| r.indicator == id).collect();
    mine.sort_by_key(|r| (r.year, r.status == ReportStatus::Revised));
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
/// reported value.
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
    /// True where the reported value was "more than X": the pace is a floor.
    pub lower_bound: bool,
}

/// For every indicator with a slider, a baseline and a reported value: the
/// annual growth from the baseline to the latest reported value (a revision
/// preferred), in the slider's unit.
pub fn paces(plan: &Plan, all: &[Reported]) -> Vec<Pace> {
    use super::plan::GrowthMode;
    plan.indicators
        .iter()
        .filter_map(|ind| {
            let slider = ind.slider.as_ref()?;
            let base = ind.baseline.as_ref()?;
            let last = *for_chart(all, &ind.id).last()?;
            let n = f64::from(last.year.checked_sub(base.year).filter(|&n| n > 0)?);
            let growth = match slider.mode {
                GrowthMode::Relative if base.value > 0.0 && last.value >= 0.0 => {
                    ((last.value / base.value).powf(1.0 / n) - 1.0) * 100.0
                }
                GrowthMode::Points => (last.value - base.value) / n,
                GrowthMode::Relative => return None,
            };
            growth.is_finite().then(|| Pace {
                indicator: ind.id.clone(),
                growth,
                from: base.year,
                to: last.year,
                lower_bound: last.status == ReportStatus::LowerBound,
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
        assert_eq!(all.len(), 14);
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
    fn paces_link_the_baseline_to_the_latest_report() {
        let plan = zj();
        let all = parse(&plan, ZHEJIANG_REPORTED_CSV).unwrap();
        let p = paces(&plan, &all);
        let get = |id: &str| p.iter().find(|x| x.indicator == id).unwrap();
        // (90131 / 64568.38)^(1/4) - 1 = 8.695%
        let gdp = get("gdp");
        assert_eq!((gdp.from, gdp.to), (2020, 2024));
        assert!((gdp.growth - 8.695).abs() < 0.01, "{}", gdp.growth);
        // (17.1 / 6.3)^(1/2) - 1 = 64.75%, a floor
        let g5 = get("base_stations_5g");
        assert!((g5.growth - 64.75).abs() < 0.01 && g5.lower_bound, "{g5:?}");
        // (43300 / 30218)^(1/3) - 1 = 12.75%
        assert!((get("de_value_added").growth - 12.74).abs() < 0.02);
        // (9390.2 / 7035)^(1/2) - 1 = 15.53%
        assert!((get("software_revenue").growth - 15.53).abs() < 0.01);
        assert!(
            p.iter().all(|x| x.indicator != "de_share"),
            "a ratio has no slider"
        );
        assert_eq!(p.len(), 5);
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
            assert!(e.message.contains(want), "{body}: {e}");
        }
        assert_eq!(parse(&plan, "").unwrap_err().message, "empty file");
        assert!(parse(&plan, "indicator,year\n")
            .unwrap_err()
            .message
            .contains("missing column"));
        assert_eq!(parse(&plan, head).unwrap(), vec![]);
    }
}

#[cfg(test)]
#[path = "reported_tests.rs"]
mod csv_tests;
