//! The reported-values reader: the CSV cases (quotes, doubled quotes, line
//! breaks inside quotes, BOM, CRLF, no final newline), each check of a row
//! with its line, the chart's choice of a revision, and the pace in both
//! growth modes, each against a hand calculation.

use super::*;

const HEAD: &str = "indicator,year,value,unit,status,source,url,note\n";

fn zj() -> Plan {
    Plan::zhejiang().unwrap()
}

fn rows(body: &str) -> Vec<Reported> {
    parse(&zj(), &format!("{HEAD}{body}")).unwrap_or_else(|e| panic!("{body}: {e}"))
}

fn error(body: &str) -> ReportedError {
    parse(&zj(), &format!("{HEAD}{body}")).unwrap_err()
}

/// A reported value of `id` (source "s", no address, no note), for tests here and elsewhere.
pub(crate) fn one(id: &str, year: u16, value: f64, status: ReportStatus) -> Reported {
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
fn quoted_fields_hold_commas_quotes_and_line_breaks() {
    let r = rows(concat!(
        "gdp,2021,1,亿元,reported,\"Bulletin, 2021\",,\"say \"\"hi\"\", twice\"\n",
        "gdp,2022,2,亿元,reported,\"two\nlines\",,\"\"\"\"\n",
        "gdp,2023,3,亿元,reported,\"\",,\n",
    ));
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].source, "Bulletin, 2021");
    assert_eq!(r[0].note, "say \"hi\", twice");
    assert_eq!((r[0].year, r[0].value), (2021, 1.0));
    assert_eq!(r[1].source, "two\nlines");
    assert_eq!(r[1].note, "\"", "a field of one doubled quote");
    assert_eq!((r[2].source.as_str(), r[2].year), ("", 2023));
}

#[test]
fn a_quote_inside_an_unquoted_field_is_kept() {
    let r = rows("gdp,2021,1,亿元,reported,5\"G report,,a\"b\"\n");
    assert_eq!(r[0].source, "5\"G report");
    assert_eq!(r[0].note, "a\"b\"");
}

/// A line break inside quotes counts, so the next record's line is right.
#[test]
fn line_numbers_count_breaks_inside_quotes() {
    // Lines: 1 header, 2-4 one record, 5 the bad one.
    let e = error("gdp,2021,1,亿元,reported,s,,\"a\nb\nc\"\nnope,2021,1,亿元,reported,s,,\n");
    assert_eq!(e.line, 5, "{e}");
    assert_eq!(e.to_string(), "line 5: unknown indicator `nope`");
    // An unclosed quote names the line where its record starts.
    let e = error("gdp,2021,1,亿元,reported,s,,\n\ngdp,2022,1,亿元,reported,\"s\n,,\n");
    assert_eq!(e.to_string(), "line 4: a quoted field is not closed");
}

#[test]
fn bom_crlf_and_no_final_newline() {
    let text = "\u{FEFF}indicator,year,value,unit,status,source,url,note\r\n\
                gdp,2021,73516,亿元,reported,s,http://x,n\r\n\
                gdp,2022,77715,亿元,reported,s,,last";
    let r = parse(&zj(), text).unwrap();
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].url.as_str(), r[0].note.as_str()), ("http://x", "n"));
    assert_eq!(
        (r[1].year, r[1].value, r[1].note.as_str()),
        (2022, 77715.0, "last")
    );
    // A header with no newline and no rows.
    assert_eq!(parse(&zj(), HEAD.trim_end()).unwrap(), vec![]);
}

/// A carriage return outside quotes is dropped, also in the middle of a field.
#[test]
fn a_stray_carriage_return_is_dropped() {
    let r = rows("gdp,2021,1,亿元,reported,a\rb,,\n");
    assert_eq!(r[0].source, "ab");
}

#[test]
fn blank_rows_are_skipped_and_fields_trimmed() {
    let r = rows("\n,,,,,,,\n  gdp , 2021 , 1.5 , 亿元 , revised , s , u , n \n   \n");
    assert_eq!(r.len(), 1);
    let g = &r[0];
    assert_eq!((g.indicator.as_str(), g.year, g.value), ("gdp", 2021, 1.5));
    assert_eq!(g.status, ReportStatus::Revised);
    assert_eq!(
        (g.source.as_str(), g.url.as_str(), g.note.as_str()),
        ("s", "u", "n")
    );
}

#[test]
fn columns_may_come_in_any_order() {
    let text = "note,url,source,status,unit,value,year,indicator\nn,u,s,reported,亿元,7,2024,gdp\n";
    let r = parse(&zj(), text).unwrap();
    assert_eq!(
        (
            r[0].indicator.as_str(),
            r[0].year,
            r[0].value,
            r[0].note.as_str()
        ),
        ("gdp", 2024, 7.0, "n")
    );
    for name in [
        "indicator",
        "year",
        "value",
        "unit",
        "status",
        "source",
        "url",
        "note",
    ] {
        let head = HEAD.trim_end().replace(name, "other");
        let e = parse(&zj(), &head).unwrap_err();
        assert_eq!(e.to_string(), format!("line 1: missing column `{name}`"));
    }
}

#[test]
fn every_status_is_read() {
    let r = rows(concat!(
        "gdp,2021,1,亿元,reported,s,,\n",
        "gdp,2022,1,亿元,first-release,s,,\n",
        "gdp,2022,2,亿元,revised,s,,\n",
        "gdp,2023,1,亿元,lower-bound,s,,\n",
    ));
    let st: Vec<ReportStatus> = r.iter().map(|r| r.status).collect();
    assert_eq!(
        st,
        [
            ReportStatus::Reported,
            ReportStatus::FirstRelease,
            ReportStatus::Revised,
            ReportStatus::LowerBound
        ]
    );
    let e = error("gdp,2021,1,亿元,Reported,s,,\n");
    assert_eq!(
        e.to_string(),
        "line 2: unknown status `Reported` (reported, first-release, revised or lower-bound)"
    );
}

/// Years run from the year after the base year (2021) to the vision year (2035).
#[test]
fn years_lie_in_the_plan_period() {
    let r = rows("gdp,2021,1,亿元,reported,s,,\ngdp,2035,1,亿元,reported,s,,\n");
    assert_eq!((r[0].year, r[1].year), (2021, 2035));
    for y in [2020, 2036] {
        let e = error(&format!("gdp,{y},1,亿元,reported,s,,\n"));
        assert_eq!(
            e.to_string(),
            format!("line 2: year {y} is outside 2021-2035")
        );
    }
    let e = error("gdp,-1,1,亿元,reported,s,,\n");
    assert_eq!(e.to_string(), "line 2: year `-1` is not a year");
}

/// Rust parses `inf` and `NaN` as floats; the reader refuses them.
#[test]
fn values_are_finite_numbers() {
    for v in ["inf", "-inf", "NaN", ""] {
        let e = error(&format!("gdp,2021,{v},亿元,reported,s,,\n"));
        assert_eq!(
            e.to_string(),
            format!("line 2: value `{v}` is not a number")
        );
    }
    let r = rows("gdp,2021,-2.5e3,亿元,reported,s,,\n");
    assert_eq!(r[0].value, -2500.0);
}

#[test]
fn units_must_match_the_plan() {
    let e = error("gdp,2021,1,万亿元,reported,s,,\n");
    assert_eq!(
        e.to_string(),
        "line 2: unit `万亿元` differs from the plan's `亿元`"
    );
}

/// One point a year; the revision wins over the first release whatever the
/// order in the file; years come out sorted; other indicators are left out.
#[test]
fn the_chart_takes_one_value_a_year_and_prefers_the_revision() {
    let all = vec![
        one("gdp", 2023, 85620.0, ReportStatus::Revised),
        one("gdp", 2021, 73516.0, ReportStatus::Reported),
        one("de_value_added", 2022, 1.0, ReportStatus::Reported),
        one("gdp", 2023, 82553.0, ReportStatus::FirstRelease),
        one("gdp", 2022, 77715.0, ReportStatus::Reported),
    ];
    let got: Vec<(u16, f64)> = for_chart(&all, "gdp")
        .iter()
        .map(|r| (r.year, r.value))
        .collect();
    assert_eq!(got, [(2021, 73516.0), (2022, 77715.0), (2023, 85620.0)]);
    let mut flipped = all.clone();
    flipped.swap(0, 3);
    let got: Vec<f64> = for_chart(&flipped, "gdp").iter().map(|r| r.value).collect();
    assert_eq!(got, [73516.0, 77715.0, 85620.0]);
    assert!(for_chart(&all, "nope").is_empty());
}

fn pace_of(all: &[Reported], id: &str) -> Option<Pace> {
    paces(&zj(), all).into_iter().find(|p| p.indicator == id)
}

/// Points mode: `(last - base) / n`. digitized_firms: 68.3 in 2020, 74.3 in
/// 2023: (74.3 - 68.3) / 3 = 2.0 points a year. rd_intensity: 6.7 in 2019,
/// 7.1 in 2022: 0.4 / 3 = 0.1333; falling to 6.1: -0.6 / 3 = -0.2.
#[test]
fn points_pace_is_the_mean_step() {
    let p = pace_of(
        &[one("digitized_firms", 2023, 74.3, ReportStatus::Reported)],
        "digitized_firms",
    )
    .unwrap();
    assert!((p.growth - 2.0).abs() < 1e-9, "{p:?}");
    assert_eq!((p.from, p.to, p.lower_bound), (2020, 2023, false));
    let p = pace_of(
        &[one("rd_intensity", 2022, 7.1, ReportStatus::LowerBound)],
        "rd_intensity",
    )
    .unwrap();
    assert!((p.growth - 0.4 / 3.0).abs() < 1e-9, "{p:?}");
    assert_eq!((p.from, p.to, p.lower_bound), (2019, 2022, true));
    let p = pace_of(
        &[one("rd_intensity", 2022, 6.1, ReportStatus::Reported)],
        "rd_intensity",
    )
    .unwrap();
    assert!((p.growth + 0.2).abs() < 1e-9, "{p:?}");
}

/// Relative mode: `((last / base)^(1/n) - 1) × 100`.
#[test]
fn relative_pace_is_the_compound_rate() {
    // 5G: 6.3 in 2020, 12.6 in 2021: (12.6 / 6.3)^(1/1) - 1 = 100%.
    let p = pace_of(
        &[one("base_stations_5g", 2021, 12.6, ReportStatus::Reported)],
        "base_stations_5g",
    )
    .unwrap();
    assert!((p.growth - 100.0).abs() < 1e-9, "{p:?}");
    // 25.2 in 2022: (25.2 / 6.3)^(1/2) - 1 = 4^0.5 - 1 = 100%.
    let p = pace_of(
        &[one("base_stations_5g", 2022, 25.2, ReportStatus::Reported)],
        "base_stations_5g",
    )
    .unwrap();
    assert!((p.growth - 100.0).abs() < 1e-9, "{p:?}");
    assert!(!p.lower_bound);
    // A reported zero: (0 / 6.3)^(1/2) - 1 = -100%.
    let p = pace_of(
        &[one("base_stations_5g", 2022, 0.0, ReportStatus::Reported)],
        "base_stations_5g",
    )
    .unwrap();
    assert_eq!(p.growth, -100.0);
    // The latest value wins: 2021 at 12.6 and 2023 at 6.3 × 1.1^3.
    let p = pace_of(
        &[
            one(
                "base_stations_5g",
                2023,
                6.3 * 1.1f64.powi(3),
                ReportStatus::Reported,
            ),
            one("base_stations_5g", 2021, 12.6, ReportStatus::Reported),
        ],
        "base_stations_5g",
    )
    .unwrap();
    assert!((p.growth - 10.0).abs() < 1e-9 && p.to == 2023, "{p:?}");
}

#[test]
fn no_pace_where_none_can_be_drawn() {
    // A negative value cannot be reached by relative growth, even in one
    // year, where (-6.3 / 6.3)^1 - 1 = -200% would be a finite number.
    assert_eq!(
        pace_of(
            &[one("base_stations_5g", 2021, -6.3, ReportStatus::Reported)],
            "base_stations_5g"
        ),
        None
    );
    // A value of the baseline's own year spans no years.
    assert_eq!(
        pace_of(
            &[one("base_stations_5g", 2020, 3.0, ReportStatus::Reported)],
            "base_stations_5g"
        ),
        None
    );
    assert_eq!(
        pace_of(
            &[one("rd_intensity", 2019, 3.0, ReportStatus::Reported)],
            "rd_intensity"
        ),
        None
    );
    // No baseline in the plan; a ratio has no slider.
    assert_eq!(
        pace_of(
            &[one("digital_trade", 2022, 3.0, ReportStatus::Reported)],
            "digital_trade"
        ),
        None
    );
    assert_eq!(
        pace_of(
            &[one("de_share", 2022, 50.0, ReportStatus::Reported)],
            "de_share"
        ),
        None
    );
    assert!(paces(&zj(), &[]).is_empty());
}

/// Additive mode (a count of new things from 0): the mean number added a
/// year, `(last - base) / n`, like points. new_key_labs: 0 in 2020, 9 by
/// 2023: 3 a year; none added: 0 a year.
#[test]
fn additive_pace_is_the_mean_number_added() {
    let p = pace_of(
        &[one("new_key_labs", 2023, 9.0, ReportStatus::Reported)],
        "new_key_labs",
    )
    .unwrap();
    assert_eq!(p.growth, 3.0, "{p:?}");
    assert_eq!((p.from, p.to, p.lower_bound), (2020, 2023, false));
    let p = pace_of(
        &[one("new_key_labs", 2021, 0.0, ReportStatus::Reported)],
        "new_key_labs",
    )
    .unwrap();
    assert_eq!(p.growth, 0.0, "{p:?}");
}
