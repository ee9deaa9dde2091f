//! Messages for the reader, kept as data and worded only when shown, so that
//! a language switch re-words every notice on the page.

use crate::core::engine::ModelError;
use crate::core::plan::PlanError;
use crate::core::reported::ReportedError;
use crate::i18n::{model_error, reported_error, Lang};
use crate::plan_text::plan_error_text;

/// Where a skipped part of a scenario came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The link the page was opened with (or navigated to).
    Link,
    /// The scenario the page saved in this browser.
    Saved,
}

/// Why a scenario file was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    /// Not JSON of the scenario format; where the parser stopped.
    NotScenario {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A format version this build does not know.
    Version(u32),
    /// The scenario names another plan.
    OtherPlan {
        /// The plan id in the file.
        file: String,
        /// The id of the plan on the page.
        plan: String,
    },
    /// Values the model refuses, each with its reason (at most
    /// [`crate::state::MAX_NOTICES`], then [`Notice::More`]).
    Refused(Vec<Notice>),
    /// The text is larger than a scenario file can be; it was not parsed.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The largest size read.
        limit: usize,
    },
}

/// Why a file could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchProblem {
    /// No answer: offline, a wrong host, or a host that sends no CORS header.
    Network,
    /// The server answered with this HTTP status.
    Status(u16),
}

/// One message for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A part of a link or saved scenario that was skipped, and why.
    Skipped {
        /// Link or saved scenario.
        origin: Origin,
        /// The part as it stood, e.g. `g.gdp=abc`.
        part: String,
        /// Why it was skipped.
        why: Box<Notice>,
    },
    /// A part that is not `key=value`.
    ExpectedKeyValue,
    /// A per-year part whose year is not a number.
    BadYear,
    /// A horizon that is not a number.
    BadHorizon,
    /// A language other than zh or en.
    BadLang,
    /// An uncertainty scale `u=` that is not a number from 0 to 4 (issue 8).
    BadScale,
    /// A key plansim does not know.
    UnknownPart,
    /// Typed text that is not a number; the value stays.
    NotANumber {
        /// The indicator.
        id: String,
        /// The year, for a per-year growth.
        year: Option<u16>,
        /// What was typed.
        text: String,
    },
    /// No indicator has this id.
    NoIndicator(String),
    /// A ratio has no growth of its own.
    Derived(String),
    /// A growth beyond [`crate::state::MAX_TYPED_GROWTH`].
    BeyondMax {
        /// The indicator.
        id: String,
        /// The growth refused.
        value: f64,
    },
    /// A per-year growth outside the plan's years.
    OutsideYears {
        /// The indicator.
        id: String,
        /// The year refused.
        year: u16,
    },
    /// The model refused a value.
    Model(ModelError),
    /// A scenario file was not imported; nothing changed.
    ImportRefused(ImportProblem),
    /// A plan file was refused; the plan on the page stays.
    PlanRefused {
        /// The file's name or address.
        from: String,
        /// The first field at fault.
        error: PlanError,
    },
    /// A file could not be fetched.
    FetchFailed {
        /// Its address.
        url: String,
        /// Why.
        problem: FetchProblem,
    },
    /// A file (a plan, reported values) was opened but could not be kept in
    /// this browser.
    NotKept(String),
    /// An opened plan has the id of a built-in plan, which a link to that id opens.
    SameIdAsBuiltin(String),
    /// A dropped or chosen file is neither a plan, a scenario nor reported values.
    UnknownFile(String),
    /// A file could not be read from the disk.
    Unreadable(String),
    /// A file of reported values was refused; the values shown stay.
    ReportedRefused {
        /// The file's name or address.
        from: String,
        /// The line at fault.
        error: ReportedError,
    },
    /// How many more notices there were than are listed.
    More(usize),
    /// A link or saved scenario above [`crate::state::MAX_LINK_BYTES`]; none
    /// of it was applied.
    TooLarge {
        /// Link or saved scenario.
        origin: Origin,
        /// Its size in bytes.
        bytes: usize,
        /// The largest size read.
        limit: usize,
    },
    /// A link or saved scenario of a newer format version; what this build
    /// understands was applied.
    NewerVersion {
        /// Link or saved scenario.
        origin: Origin,
        /// The version it names.
        version: u32,
    },
    /// A `v=` part that is not a version number.
    BadVersion,
    /// A baseline supplied for an indicator whose baseline the plan prints.
    BaselinePrinted(String),
    /// A baseline beyond [`crate::state::max_baseline`].
    BaselineBeyond {
        /// The indicator.
        id: String,
        /// The largest baseline allowed.
        max: f64,
    },
    /// The scenario could not be saved in this browser (a full quota, a
    /// blocked storage); it stays on the page and in the link.
    NotSaved,
    /// A chosen or dropped file larger than plansim reads; it was not read.
    FileTooLarge {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        bytes: f64,
        /// The largest size read.
        limit: usize,
    },
    /// A `cmp=` part naming no reference (issue 7).
    BadReference,
    /// Reported values were loaded: how many, from where.
    ReportedLoaded {
        /// The file's name or address.
        from: String,
        /// Number of values.
        count: usize,
    },
}

impl Notice {
    /// The notice worded in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.s();
        let zh = lang == Lang::Zh;
        match self {
            Notice::Skipped { origin, part, why } => {
                let ignored = match origin {
                    Origin::Link => t.link_ignored,
                    Origin::Saved => t.saved_ignored,
                };
                format!("{ignored} “{part}”: {}", why.text(lang))
            }
            Notice::ExpectedKeyValue => t.expected_kv.into(),
            Notice::BadYear => t.bad_year.into(),
            Notice::BadHorizon => t.bad_horizon.into(),
            Notice::BadLang => t.bad_lang.into(),
            Notice::BadScale => t.bad_scale.into(),
            Notice::UnknownPart => t.unknown_part.into(),
            Notice::NotANumber { id, year, text } => match year {
                Some(y) => format!("{id} {y}: “{text}” {}", t.not_a_number),
                None => format!("{id}: “{text}” {}", t.not_a_number),
            },
            Notice::NoIndicator(id) => format!("{}: {id}", t.no_indicator),
            Notice::Derived(id) => format!("{id} {}", t.derived_no_growth),
            Notice::BeyondMax { id, value } => format!("{id}: {value} {}", t.beyond_max),
            Notice::OutsideYears { id, year } => format!("{id}: {year} {}", t.outside_years),
            Notice::Model(e) => model_error(lang, e),
            Notice::ImportRefused(p) => {
                let why = match p {
                    ImportProblem::NotScenario { line, column } => {
                        if zh {
                            format!("{}（第{line}行第{column}列）", t.not_scenario_file)
                        } else {
                            format!("{} (line {line}, column {column})", t.not_scenario_file)
                        }
                    }
                    ImportProblem::Version(v) => format!("{} {v}", t.unknown_format),
                    ImportProblem::OtherPlan { file, plan } => {
                        format!("{}: `{file}` ≠ `{plan}`", t.other_plan)
                    }
                    ImportProblem::TooLarge { bytes, limit } => t
                        .too_large
                        .replace("{bytes}", &bytes.to_string())
                        .replace("{limit}", &limit.to_string()),
                    ImportProblem::Refused(list) => list
                        .iter()
                        .map(|n| n.text(lang))
                        .collect::<Vec<_>>()
                        .join("; "),
                };
                format!("{}{why}", t.import_failed)
            }
            Notice::PlanRefused { from, error } => {
                format!(
                    "{} {from}: {}",
                    t.plan_refused,
                    plan_error_text(lang, error)
                )
            }
            Notice::FetchFailed { url, problem } => {
                let why = match problem {
                    FetchProblem::Network => t.fetch_network.to_string(),
                    FetchProblem::Status(s) => format!("HTTP {s}"),
                };
                format!("{} {url}: {why}", t.fetch_failed)
            }
            Notice::NotKept(title) => format!("{title}: {}", t.not_kept),
            Notice::SameIdAsBuiltin(id) => format!("`{id}`: {}", t.same_id_as_builtin),
            Notice::UnknownFile(name) => format!("{name}: {}", t.unknown_file),
            Notice::Unreadable(name) => format!("{name}: {}", t.unreadable),
            Notice::ReportedRefused { from, error } => {
                format!(
                    "{} {from}: {}",
                    t.reported_refused,
                    reported_error(lang, error)
                )
            }
            Notice::More(n) => t.more_notices.replace("{n}", &grouped(*n)),
            Notice::TooLarge {
                origin,
                bytes,
                limit,
            } => format!(
                "{} {}",
                origin_word(lang, *origin),
                t.too_large
                    .replace("{bytes}", &grouped(*bytes))
                    .replace("{limit}", &grouped(*limit))
            ),
            Notice::NewerVersion { origin, version } => format!(
                "{} {}",
                origin_word(lang, *origin),
                t.newer_version.replace("{v}", &version.to_string())
            ),
            Notice::BadVersion => t.bad_version.into(),
            Notice::BadReference => t.bad_reference.into(),
            Notice::BaselinePrinted(id) => format!("{id}: {}", t.baseline_printed),
            Notice::BaselineBeyond { id, max } => {
                format!(
                    "{id}: {}",
                    t.baseline_beyond.replace("{max}", &format!("{max:.0e}"))
                )
            }
            Notice::NotSaved => t.not_saved.into(),
            Notice::FileTooLarge { name, bytes, limit } => format!(
                "{name}: {}",
                t.file_too_large
                    .replace("{bytes}", &grouped(*bytes as usize))
                    .replace("{limit}", &grouped(*limit))
            ),
            Notice::ReportedLoaded { from, count } => {
                if zh {
                    format!("已从 {from} 载入 {count} 个公布值。")
                } else {
                    format!("Loaded {count} reported values from {from}.")
                }
            }
        }
    }
}

/// "link" or "saved scenario" in `lang`.
fn origin_word(lang: Lang, origin: Origin) -> &'static str {
    match origin {
        Origin::Link => lang.s().link_word,
        Origin::Saved => lang.s().saved_word,
    }
}

/// `n` with thousands grouped by commas: `19,990`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_worded_when_shown() {
        let n = Notice::Skipped {
            origin: Origin::Link,
            part: "g.x=abc".into(),
            why: Box::new(Notice::NotANumber {
                id: "x".into(),
                year: None,
                text: "abc".into(),
            }),
        };
        assert!(n
            .text(Lang::En)
            .starts_with("link: ignored “g.x=abc”: x: “abc” is not"));
        assert!(n
            .text(Lang::Zh)
            .starts_with("链接中已忽略 “g.x=abc”: x: “abc” 不是有效数字"));
        let f = Notice::FetchFailed {
            url: "p.json".into(),
            problem: FetchProblem::Status(404),
        };
        assert!(
            f.text(Lang::Zh).contains("p.json: HTTP 404"),
            "{}",
            f.text(Lang::Zh)
        );
    }
}
