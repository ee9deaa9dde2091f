//! The plan as data: indicators, baselines, targets and slider metadata,
//! loaded from a JSON plan file and validated (see `docs/plan-format.md`).

use super::json_path;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// A text in Chinese and in English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Text {
    /// Chinese, verbatim from the plan where the plan has it.
    pub zh: String,
    /// English translation.
    pub en: String,
}

/// What part an indicator plays in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The headline goal (the digital economy's share of GDP).
    Headline,
    /// A quantity with no target of its own that derived ratios are built from.
    Driver,
    /// A row of the plan's main-targets table.
    Table,
    /// A numeric target stated in the body text.
    Text,
}

/// How an indicator's value is formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An amount or count, unbounded above, never below zero.
    Level,
    /// A percentage, held within [0, 100].
    Percent,
    /// `100 × numerator / denominator`, in percent; it has no slider of its own.
    Ratio {
        /// Id of the numerator indicator (a level).
        numerator: String,
        /// Id of the denominator indicator (a level).
        denominator: String,
    },
}

/// How a slider's growth is applied each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum GrowthMode {
    /// `v' = v × (1 + g/100)`: growth in percent a year.
    Relative,
    /// `v' = v + g`: growth in percentage points a year (percentages only).
    Points,
    /// `v' = v + g`: growth in the indicator's own unit a year (levels only),
    /// e.g. "4 labs a year". Made for counts of new things, whose baseline is
    /// 0 at the base year and cannot grow by a percentage.
    Additive,
}

/// Whether a growth figure of money includes price changes.
///
/// Absent from a file, it reads as [`Prices::Nominal`]: plansim's growth is
/// nominal unless a plan says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Prices {
    /// At current prices (现价): price changes included.
    #[default]
    Nominal,
    /// At comparable (constant) prices (可比价): price changes removed.
    Real,
    /// Not a money value (a count, a physical quantity, a percentage):
    /// prices do not enter it.
    NotMoney,
}

impl Prices {
    /// Whether growth on `self` and growth on `other` measure different
    /// things: one real and the other nominal. `NotMoney` mixes with neither.
    pub fn mixes_with(self, other: Prices) -> bool {
        matches!(
            (self, other),
            (Prices::Nominal, Prices::Real) | (Prices::Real, Prices::Nominal)
        )
    }
}

/// How a projection is compared with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// Reached when the value is at least the target ("达到", "以上", "突破").
    Gte,
    /// Reached only when the value is strictly above the target (">90").
    Gt,
    /// "左右": reached when the value is at least `value - tolerance`.
    About,
}

/// A baseline that the plan states only through other numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Implied {
    /// Id of a ratio whose denominator is this indicator: the baseline is
    /// `numerator baseline / (ratio baseline / 100)`.
    pub share: String,
}

/// An indicator's starting point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Baseline {
    /// The year the value refers to (2019 for the table's `*` rows).
    pub year: u16,
    /// The value; for an implied baseline the loader computes it.
    #[serde(default = "nan", skip_serializing_if = "is_nan")]
    pub value: f64,
    /// Set when the plan implies the value rather than printing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implied: Option<Implied>,
    /// The cell exactly as printed, where it carries a mark (`6.7*`, `/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    /// Set where the indicator counts things new since the base year
    /// (新建…, 争创…): the value is then 0 by definition, for the base year,
    /// and no reader is asked for it. Absent means `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub counts_new: bool,
}

/// A target the plan sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Target {
    /// The year by which it is to be reached.
    pub year: u16,
    /// The target value, in the indicator's unit.
    pub value: f64,
    /// How a projection is compared with it.
    pub comparator: Comparator,
    /// For an `about` target: how far below `value` still counts as reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// The cell exactly as printed, where it differs from the bare value (`>90`, `60%左右`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
}

/// Range, step and default of an indicator's growth slider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Slider {
    /// How the growth is applied.
    pub mode: GrowthMode,
    /// Lowest value on the slider.
    pub min: f64,
    /// Highest value on the slider.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Growth when the user has set none.
    pub default: f64,
    /// Whether the growth is nominal or real; absent means nominal.
    #[serde(default)]
    pub prices: Prices,
}

/// A past growth rate the plan reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Trend {
    /// Growth, in the slider's unit.
    pub growth: f64,
    /// The years it covers, e.g. `2016-2020`.
    pub period: String,
    /// Where the plan says it.
    pub section: String,
    /// The words of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    /// Whether the growth is nominal or real; absent means nominal.
    #[serde(default)]
    pub prices: Prices,
}

/// One indicator of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Indicator {
    /// Stable id, used in links and tests.
    pub id: String,
    /// What part it plays.
    pub role: Role,
    /// Id of its category.
    pub category: String,
    /// Its name.
    pub name: Text,
    /// Its unit.
    pub unit: Text,
    /// How its value is formed.
    pub kind: Kind,
    /// Where in the plan it is stated.
    pub section: String,
    /// Its starting point; absent (`null`) where the plan prints `/`.
    pub baseline: Option<Baseline>,
    /// Its target; absent (`null`) only for drivers.
    pub target: Option<Target>,
    /// Its slider; absent (`null`) only for ratios.
    pub slider: Option<Slider>,
    /// Growth the plan reports for the previous plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
    /// How plansim reads something the plan leaves open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A short name for sentences ("GDP", "digital economy"): the scenario
    /// an embed states in one line. Absent: the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// The unit for English prose where the plan's unit is a multiple
    /// (`万件`, "10,000 patents"): the value times `scale`, then `unit`
    /// ("65,000 patents"). Absent: the value and `unit.en` as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_unit: Option<ScaledUnit>,
}

/// A unit for English prose: values are multiplied by `scale` and
/// followed by `unit` (`scale` 10,000 and `patents`: 6.5 → "65,000 patents").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct ScaledUnit {
    /// What one of it is called, after the number ("patents", "CNY billion").
    pub unit: String,
    /// How many of `unit` one of the plan's units holds (10,000; 0.1).
    pub scale: f64,
}

impl Indicator {
    /// Whether the trend preset would set this indicator's slider to a growth
    /// on another price basis: a real trend on a nominal slider, or the
    /// reverse. The preset applies the trend as printed, unconverted, so a
    /// page should say so wherever it shows or applies that trend.
    pub fn trend_mixes_prices(&self) -> bool {
        match (&self.trend, &self.slider) {
            (Some(t), Some(s)) => t.prices.mixes_with(s.prices),
            _ => false,
        }
    }
}

/// A group of indicators, as the plan's table groups them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Category {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
}

/// A whole plan file as written: its metadata and its indicators, not yet
/// checked. [`Plan::new`] turns it into a [`Plan`], the only form the engine takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct PlanSpec {
    /// Version of the file format; only 1 exists.
    pub format: u32,
    /// Stable id of the plan.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Who issued it.
    pub issuer: Text,
    /// The official document number.
    pub document_number: String,
    /// Date of issue, `YYYY-MM-DD`.
    pub issued: String,
    /// The year before the plan period starts.
    pub base_year: u16,
    /// The year the targets are for.
    pub target_year: u16,
    /// The furthest year a projection may run to.
    pub vision_year: u16,
    /// The groups, in display order.
    pub categories: Vec<Category>,
    /// The indicators, in display order.
    pub indicators: Vec<Indicator>,
    /// How uncertain each growth is (σ, ρ and their sources); absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<super::uncertainty::Spec>,
}

/// A validated plan: a [`PlanSpec`] that keeps every rule of
/// `docs/plan-format.md`, with its implied baselines worked out. It can only be
/// made by [`Plan::new`] or [`Plan::from_json`], and reads as its spec through
/// `Deref` (`plan.indicators`, `plan.target_year`) but cannot be changed, so
/// what the engine relies on (every ratio's parts exist and are levels with a
/// baseline and a relative slider; every level and percentage has a slider)
/// holds for every `Plan` there is.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    spec: PlanSpec,
}

impl std::ops::Deref for Plan {
    type Target = PlanSpec;

    fn deref(&self) -> &PlanSpec {
        &self.spec
    }
}

/// Why a plan file was refused; `path` names the offending field,
/// e.g. `indicators[3].target.value`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    /// Path of the field, `""` for the whole file.
    pub path: String,
    /// What is wrong with it.
    pub kind: PlanErrorKind,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl std::error::Error for PlanError {}

/// The kinds of JSON value that a field may expect or hold, as named in
/// [`PlanErrorKind::WrongType`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonKind {
    /// Any number.
    Number,
    /// A whole number from 0 to `max`.
    WholeNumber {
        /// The largest value the field holds.
        max: u64,
    },
    /// A string.
    String,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
    /// An object `{ … }`.
    Object,
    /// A list `[ … ]`.
    List,
    /// One of a fixed set of words, or an object naming one of them.
    Choice,
    /// Something else, in serde's words.
    Other(String),
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonKind::Number => write!(f, "a number"),
            JsonKind::WholeNumber { max } => write!(f, "a whole number from 0 to {max}"),
            JsonKind::String => write!(f, "a string"),
            JsonKind::Bool => write!(f, "true or false"),
            JsonKind::Null => write!(f, "null"),
            JsonKind::Object => write!(f, "an object"),
            JsonKind::List => write!(f, "a list"),
            JsonKind::Choice => write!(f, "one of the allowed words"),
            JsonKind::Other(s) => write!(f, "{s}"),
        }
    }
}

/// Every rule a plan file can break. The English messages are the
/// `Display`; `plansim::plan_text` renders them in Chinese too.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanErrorKind {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column} ({detail})")]
    NotJson {
        /// Line of the fault, from 1.
        line: usize,
        /// Column of the fault, from 1.
        column: usize,
        /// What the JSON parser says, in English.
        detail: String,
    },
    /// The text ends in the middle of a value.
    #[error("the file ends too early, at line {line}, column {column}")]
    Truncated {
        /// Line where the text ends.
        line: usize,
        /// Column where the text ends.
        column: usize,
    },
    /// A required field is absent.
    #[error("missing")]
    Missing,
    /// A field holds the wrong kind of value, or a number out of its type's range.
    #[error("must be {expected}, not {found}{}", shown(value))]
    WrongType {
        /// What the field takes.
        expected: JsonKind,
        /// What it holds.
        found: JsonKind,
        /// The value it holds, shortened, where it has one.
        value: Option<String>,
    },
    /// A word that is not among the field's allowed words.
    #[error("`{found}` is not one of {}", quoted(allowed))]
    UnknownChoice {
        /// The word found.
        found: String,
        /// The words allowed.
        allowed: Vec<String>,
    },
    /// An object gives the same field twice.
    #[error("given twice")]
    DuplicateField,
    /// Any other fault that the JSON reader reports, in its words.
    #[error("{message}")]
    Unreadable {
        /// The reader's message.
        message: String,
    },
    /// `format` is not a version this build knows.
    #[error("format {found} is not known: only format 1 is")]
    UnknownFormat {
        /// The format the file claims.
        found: u32,
    },
    /// The plan's years are out of order.
    #[error("years must satisfy base_year < target_year <= vision_year (here {base_year}, {target_year}, {vision_year})")]
    YearOrder {
        /// `base_year` as given.
        base_year: u16,
        /// `target_year` as given.
        target_year: u16,
        /// `vision_year` as given.
        vision_year: u16,
    },
    /// An id with characters other than `a-z`, `0-9` and `_`, or empty.
    #[error("ids use only a-z, 0-9 and _")]
    BadId,
    /// An id given to two categories or two indicators.
    #[error("duplicate id")]
    DuplicateId,
    /// A category id that no category has.
    #[error("unknown category `{0}`")]
    UnknownCategory(String),
    /// An indicator id that no indicator has.
    #[error("unknown indicator `{0}`")]
    UnknownIndicator(String),
    /// A baseline year after the plan's base year.
    #[error("must not be after the base year {base_year}")]
    BaselineAfterBaseYear {
        /// The plan's base year.
        base_year: u16,
    },
    /// A baseline with both a value and an implied rule.
    #[error("give either value or implied, not both")]
    ValueAndImplied,
    /// A percentage or ratio value outside [0, 100].
    #[error("must be a number within [0, 100]")]
    NotPercent,
    /// A level's value below zero (or not finite).
    #[error("must be a finite number, not negative")]
    Negative,
    /// A non-driver indicator without a target.
    #[error("missing: only drivers may lack one")]
    TargetMissing,
    /// A target year outside (baseline year, vision year].
    #[error("must be after {after} and not after {until}")]
    TargetYear {
        /// The baseline's year (or the base year).
        after: u16,
        /// The vision year.
        until: u16,
    },
    /// An `about` target without a usable tolerance.
    #[error("an `about` target needs a finite tolerance >= 0")]
    ToleranceMissing,
    /// A tolerance on a target that is not `about`.
    #[error("only an `about` target takes a tolerance")]
    ToleranceNotAbout,
    /// A ratio with a slider.
    #[error("a ratio is derived and takes no slider")]
    RatioHasSlider,
    /// A level or percentage without a slider.
    #[error("missing: only ratios may lack one")]
    SliderMissing,
    /// A ratio part that is not a level with a baseline.
    #[error("`{0}` must be a level with a baseline")]
    PartNotLevel(String),
    /// A ratio part whose slider is not relative.
    #[error("`{0}` must have a relative-growth slider")]
    PartNotRelative(String),
    /// A slider whose range is empty or not finite.
    #[error("need finite min < max")]
    SliderRange,
    /// A slider step that is not positive or exceeds the range.
    #[error("must be > 0 and fit the range")]
    SliderStep,
    /// A slider default outside its range.
    #[error("must lie within [min, max]")]
    SliderDefault,
    /// A relative slider reaching below -100 %.
    #[error("relative growth cannot be below -100%")]
    BelowMinus100,
    /// A level with a percentage-point slider.
    #[error("a level grows `relative` or `additive`, not in points")]
    LevelNeedsRelative,
    /// A percentage with an additive slider.
    #[error("only a level grows `additive`; a percentage grows in `points`")]
    AdditiveNotLevel,
    /// A count of new things whose baseline is not 0 in the base year.
    #[error("a count of new things starts from value 0 in the base year {base_year}")]
    CountsNewNotZero {
        /// The plan's base year.
        base_year: u16,
    },
    /// A ratio whose parts grow on different price bases.
    #[error("`{numerator}` and `{denominator}` must grow on one price basis (`slider.prices`)")]
    PricesDiffer {
        /// The numerator's id.
        numerator: String,
        /// The denominator's id.
        denominator: String,
    },
    /// A zero baseline on a relative slider.
    #[error("a zero baseline cannot grow relatively; use `additive` growth")]
    ZeroBaseline,
    /// A number that must be finite and is not.
    #[error("must be a finite number")]
    NotFinite,
    /// An implied baseline naming an unsuitable ratio.
    #[error("must name a ratio with this indicator as denominator, whose own baseline and numerator's baseline are printed values")]
    BadImplied,
    /// An implied baseline that works out to zero, a negative or an infinite value.
    #[error("the implied value is not a positive finite number")]
    ImpliedNotPositive,
    /// A rule of the `uncertainty` block.
    #[error("{0}")]
    Uncertainty(super::uncertainty::UncertaintyFault),
    /// A number that must be positive and finite (a unit's scale).
    #[error("must be a positive finite number")]
    NotPositive,
}

fn shown(value: &Option<String>) -> String {
    value
        .as_ref()
        .map(|v| format!(" ({v})"))
        .unwrap_or_default()
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn nan() -> f64 {
    f64::NAN
}

fn is_nan(v: &f64) -> bool {
    v.is_nan()
}

fn err(path: impl Into<String>, kind: PlanErrorKind) -> PlanError {
    PlanError {
        path: path.into(),
        kind,
    }
}

/// A serde_json error in `json` as a [`PlanError`] at the path of the value
/// where it happened (found from its line and column: [`json_path`]): a
/// missing or repeated field is named in the path, and serde's messages
/// (missing field, invalid type, unknown variant) become typed kinds.
/// `json` is the text read, to tell a wrong-typed choice from a syntax error.
fn from_serde(json: &str, e: &serde_json::Error) -> PlanError {
    let at = json_path::offset_of(json, e.line(), e.column());
    let syntax = e.classify() == serde_json::error::Category::Syntax;
    let found = json_path::locate(json, at, syntax);
    if syntax {
        if let Some(kind) = wrong_choice(json, found.span.clone()) {
            return err(found.path, kind);
        }
    }
    from_json_error(found.path, e)
}

/// serde_json reports a choice (a `role`, `kind`, `comparator`, `mode`, …)
/// given as a number, `true`, `null`, a list, or an object without exactly
/// one key as a syntax error ("expected value"), though the text may be valid
/// JSON. Where it is, this is the value of the wrong type that serde found
/// (its bytes `span` in the text); `None` where the text is not JSON, or
/// the value is a word (a word not allowed is an `UnknownChoice`).
fn wrong_choice(json: &str, span: Option<std::ops::Range<usize>>) -> Option<PlanErrorKind> {
    // Valid JSON? (`IgnoredAny` reads it without building a value.)
    serde_json::from_str::<serde::de::IgnoredAny>(json).ok()?;
    let text = json.get(span?)?;
    let (found, value) = match text.as_bytes().first()? {
        b'n' => (JsonKind::Null, None),
        b't' | b'f' => (JsonKind::Bool, Some(text.to_string())),
        b'[' => (JsonKind::List, None),
        b'{' => (JsonKind::Object, None),
        b'-' | b'0'..=b'9' => (JsonKind::Number, Some(shortened(text))),
        // A word: serde reads it as a choice (one not allowed is an `UnknownChoice`).
        _ => return None,
    };
    Some(PlanErrorKind::WrongType {
        expected: JsonKind::Choice,
        found,
        value,
    })
}

/// A serde_json error at `path` as a [`PlanError`].
fn from_json_error(path: String, e: &serde_json::Error) -> PlanError {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    match e.classify() {
        Category::Syntax => err(
            path,
            PlanErrorKind::NotJson {
                line,
                column,
                detail: message,
            },
        ),
        Category::Eof => err(path, PlanErrorKind::Truncated { line, column }),
        Category::Io => err(path, PlanErrorKind::Unreadable { message }),
        Category::Data => {
            if let Some(field) = backticked(&message, "missing field `") {
                return err(join(field), PlanErrorKind::Missing);
            }
            if let Some(field) = backticked(&message, "duplicate field `") {
                return err(join(field), PlanErrorKind::DuplicateField);
            }
            if let Some(found) = backticked(&message, "unknown variant `") {
                let rest = &message["unknown variant `".len() + found.len() + 1..];
                let allowed = rest.split('`').skip(1).step_by(2).map(String::from);
                return err(
                    path,
                    PlanErrorKind::UnknownChoice {
                        found: found.to_string(),
                        allowed: allowed.collect(),
                    },
                );
            }
            let typed = ["invalid type: ", "invalid value: "]
                .iter()
                .find_map(|p| message.strip_prefix(p))
                .and_then(|rest| rest.rsplit_once(", expected "));
            match typed {
                Some((found, expected)) => {
                    let (found, value) = json_found(found);
                    err(
                        path,
                        PlanErrorKind::WrongType {
                            expected: json_expected(expected),
                            found,
                            value,
                        },
                    )
                }
                None => err(path, PlanErrorKind::Unreadable { message }),
            }
        }
    }
}

/// The text between `prefix` (ending in a backtick) and the next backtick.
fn backticked<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// serde's name of a value it found (`integer \`5\``, `string "x"`, `null`) as
/// a kind and the value itself, shortened.
fn json_found(found: &str) -> (JsonKind, Option<String>) {
    let value = |v: &str| Some(shortened(v.trim_matches('`')));
    let (word, rest) = found.split_once(' ').unwrap_or((found, ""));
    match (word, rest) {
        ("boolean", v) => (JsonKind::Bool, value(v)),
        ("integer", v) => (JsonKind::Number, value(v)),
        ("floating", v) => (JsonKind::Number, value(v.trim_start_matches("point "))),
        ("string", v) => (JsonKind::String, value(v)),
        ("null", _) => (JsonKind::Null, None),
        ("map", _) => (JsonKind::Object, None),
        ("sequence", _) => (JsonKind::List, None),
        // A bare word where a choice takes an object: serde_json reads a string as a unit variant.
        ("unit", "variant") => (JsonKind::String, None),
        _ => (JsonKind::Other(found.to_string()), None),
    }
}

/// A value as shown in a message: up to 40 characters, longer ones cut with `…`.
fn shortened(v: &str) -> String {
    let short: String = v.chars().take(40).collect();
    if short.len() < v.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// serde's name of what a field expects (`f64`, `u16`, `struct Text`) as a kind.
fn json_expected(expected: &str) -> JsonKind {
    match expected {
        "f64" | "f32" => JsonKind::Number,
        "u8" => JsonKind::WholeNumber {
            max: u8::MAX.into(),
        },
        "u16" => JsonKind::WholeNumber {
            max: u16::MAX.into(),
        },
        "u32" => JsonKind::WholeNumber {
            max: u32::MAX.into(),
        },
        "u64" => JsonKind::WholeNumber { max: u64::MAX },
        "a string" => JsonKind::String,
        "a boolean" => JsonKind::Bool,
        "a sequence" => JsonKind::List,
        e if e.starts_with("struct ") || e == "a map" => JsonKind::Object,
        e if e.starts_with("enum ") || e.ends_with("variant identifier") => JsonKind::Choice,
        // A choice that takes nothing, written as an object (`{"level": …}`): its value is null.
        "unit" => JsonKind::Null,
        // A choice that takes an object (`{"ratio": {…}}`).
        "struct variant" => JsonKind::Object,
        e => JsonKind::Other(e.to_string()),
    }
}

impl Plan {
    /// Checks a spec against every rule of the format and works out its
    /// implied baselines (`numerator baseline / (ratio baseline / 100)`).
    ///
    /// # Errors
    /// The first [`PlanError`] in file order; [`Plan::check`] lists them all.
    pub fn new(spec: PlanSpec) -> Result<Plan, PlanError> {
        let (spec, errors) = Plan::checked(spec);
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(Plan { spec }),
        }
    }

    /// Parses and validates a plan file, resolving implied baselines.
    ///
    /// # Errors
    /// A [`PlanError`] naming the first field that is missing, of the wrong
    /// type, or inconsistent with the rest of the plan.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        Plan::new(PlanSpec::from_json(json)?)
    }

    /// Every fault of a plan file, in file order: the one parse error where the
    /// text is not JSON or not shaped like a plan, else every rule it breaks.
    /// Empty exactly when [`Plan::from_json`] succeeds.
    pub fn check(json: &str) -> Vec<PlanError> {
        match PlanSpec::from_json(json) {
            Err(e) => vec![e],
            Ok(spec) => Plan::checked(spec).1,
        }
    }

    /// The spec as a file gives it, implied baselines without their worked-out
    /// value, so that `Plan::new(plan.into_spec())` gives the same plan back.
    pub fn into_spec(self) -> PlanSpec {
        let mut spec = self.spec;
        for b in spec
            .indicators
            .iter_mut()
            .filter_map(|i| i.baseline.as_mut())
        {
            if b.implied.is_some() {
                b.value = f64::NAN;
            }
        }
        spec
    }

    /// The spec after every check, and the faults found, in file order.
    fn checked(mut spec: PlanSpec) -> (PlanSpec, Vec<PlanError>) {
        let mut errors = Vec::new();
        spec.validate(&mut errors);
        spec.resolve_implied(&mut errors);
        (spec, errors)
    }
}

impl PlanSpec {
    /// Parses a plan file without checking its rules.
    ///
    /// # Errors
    /// A [`PlanError`] for text that is not JSON, or a field that is missing
    /// or of the wrong type.
    pub fn from_json(json: &str) -> Result<PlanSpec, PlanError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let spec = PlanSpec::deserialize(&mut de).map_err(|e| from_serde(json, &e))?;
        de.end().map_err(|e| from_json_error(String::new(), &e))?;
        Ok(spec)
    }

    /// Paths of the fields of a plan file that the format does not have (most
    /// often a typo, such as `tolerence`), which the loader ignores; a `$schema`
    /// key at the top, for editors, is expected and not listed. Empty where the
    /// file does not parse.
    pub fn unknown_fields(json: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut de = serde_json::Deserializer::from_str(json);
        let parsed: Result<PlanSpec, _> =
            serde_ignored::deserialize(&mut de, |p| found.push(ignored_path(&p)));
        if parsed.is_err() {
            return Vec::new();
        }
        found.retain(|p| p != "$schema");
        found
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Position of the indicator with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    /// The indicators whose trend the trend preset applies on another price
    /// basis (see [`Indicator::trend_mixes_prices`]), in the plan's order.
    pub fn trend_mixing_prices(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.trend_mixes_prices())
    }

    fn validate(&self, errors: &mut Vec<PlanError>) {
        if self.format != 1 {
            errors.push(err(
                "format",
                PlanErrorKind::UnknownFormat { found: self.format },
            ));
        }
        if !(self.base_year < self.target_year && self.target_year <= self.vision_year) {
            errors.push(err(
                "target_year",
                PlanErrorKind::YearOrder {
                    base_year: self.base_year,
                    target_year: self.target_year,
                    vision_year: self.vision_year,
                },
            ));
        }
        // A bad or repeated id is still known, so that references to it do
        // not raise a second error.
        let mut cats = HashMap::new();
        for (i, c) in self.categories.iter().enumerate() {
            let fresh = register(&mut cats, &c.id, i);
            check_id(&c.id, fresh, format!("categories[{i}].id"), errors);
        }
        let mut ids = HashMap::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            let fresh = register(&mut ids, &ind.id, i);
            check_id(&ind.id, fresh, format!("indicators[{i}].id"), errors);
            if !cats.contains_key(ind.category.as_str()) {
                errors.push(err(
                    format!("indicators[{i}].category"),
                    PlanErrorKind::UnknownCategory(ind.category.clone()),
                ));
            }
        }
        for (i, ind) in self.indicators.iter().enumerate() {
            self.validate_indicator(i, ind, &ids, errors);
        }
        // The uncertainty block is checked once the rest is sound: its rules
        // refer to the indicators' sliders and ratios.
        if errors.is_empty() {
            if let Some(Err(e)) = self.uncertainty.as_ref().map(|u| u.validate(self)) {
                errors.push(e);
            }
        }
    }

    fn validate_indicator(
        &self,
        i: usize,
        ind: &Indicator,
        ids: &HashMap<&str, usize>,
        errors: &mut Vec<PlanError>,
    ) {
        use PlanErrorKind as K;
        let at = |field: &str| format!("indicators[{i}].{field}");
        let is_percent = matches!(ind.kind, Kind::Percent | Kind::Ratio { .. });
        let in_range = |v: f64| v.is_finite() && v >= 0.0 && (!is_percent || v <= 100.0);
        let out_of_range = || {
            if is_percent {
                K::NotPercent
            } else {
                K::Negative
            }
        };
        let mut fail = |path: String, kind: PlanErrorKind| errors.push(err(path, kind));

        if let Some(b) = &ind.baseline {
            if b.year > self.base_year {
                fail(
                    at("baseline.year"),
                    K::BaselineAfterBaseYear {
                        base_year: self.base_year,
                    },
                );
            }
            match (&b.implied, b.value.is_nan()) {
                (Some(_), false) => fail(at("baseline"), K::ValueAndImplied),
                (None, true) => fail(at("baseline.value"), K::Missing),
                (None, false) if !in_range(b.value) => fail(at("baseline.value"), out_of_range()),
                (Some(imp), true) if !self.implied_ok(i, imp, ids) => {
                    let kind = if ids.contains_key(imp.share.as_str()) {
                        K::BadImplied
                    } else {
                        K::UnknownIndicator(imp.share.clone())
                    };
                    fail(at("baseline.implied.share"), kind);
                }
                _ => {}
            }
            if b.counts_new && (b.value != 0.0 || b.year != self.base_year) {
                let base_year = self.base_year;
                fail(at("baseline.counts_new"), K::CountsNewNotZero { base_year });
            }
        }

        match (&ind.target, ind.role) {
            (None, Role::Driver) => {}
            (None, _) => fail(at("target"), K::TargetMissing),
            (Some(t), _) => {
                let from = ind.baseline.as_ref().map_or(self.base_year, |b| b.year);
                if t.year <= from || t.year > self.vision_year {
                    let until = self.vision_year;
                    fail(at("target.year"), K::TargetYear { after: from, until });
                }
                if !in_range(t.value) {
                    fail(at("target.value"), out_of_range());
                }
                match (t.comparator, t.tolerance) {
                    (Comparator::About, Some(tol)) if tol.is_finite() && tol >= 0.0 => {}
                    (Comparator::About, _) => fail(at("target.tolerance"), K::ToleranceMissing),
                    (_, Some(_)) => fail(at("target.tolerance"), K::ToleranceNotAbout),
                    _ => {}
                }
            }
        }

        match (&ind.kind, &ind.slider) {
            (Kind::Ratio { .. }, Some(_)) => fail(at("slider"), K::RatioHasSlider),
            (
                Kind::Ratio {
                    numerator,
                    denominator,
                },
                None,
            ) => {
                let mut parts_ok = true;
                for (field, id) in [("numerator", numerator), ("denominator", denominator)] {
                    let path = at(&format!("kind.ratio.{field}"));
                    let Some(&j) = ids.get(id.as_str()) else {
                        fail(path, K::UnknownIndicator(id.clone()));
                        parts_ok = false;
                        continue;
                    };
                    let other = &self.indicators[j];
                    if other.kind != Kind::Level || other.baseline.is_none() {
                        fail(path, K::PartNotLevel(id.clone()));
                        parts_ok = false;
                    } else if other.slider.as_ref().map(|s| s.mode) != Some(GrowthMode::Relative) {
                        fail(path, K::PartNotRelative(id.clone()));
                        parts_ok = false;
                    }
                }
                let prices = |id: &String| {
                    ids.get(id.as_str())
                        .and_then(|&j| self.indicators[j].slider.as_ref())
                        .map(|s| s.prices)
                };
                // Only between sound parts: a faulty part is reported above.
                if parts_ok && prices(numerator) != prices(denominator) {
                    fail(
                        at("kind.ratio.denominator"),
                        K::PricesDiffer {
                            numerator: numerator.clone(),
                            denominator: denominator.clone(),
                        },
                    );
                }
            }
            (_, None) => fail(at("slider"), K::SliderMissing),
            (kind, Some(s)) => {
                if !(s.min.is_finite() && s.max.is_finite() && s.min < s.max) {
                    fail(at("slider.max"), K::SliderRange);
                } else {
                    if !(s.step.is_finite() && s.step > 0.0 && s.step <= s.max - s.min) {
                        fail(at("slider.step"), K::SliderStep);
                    }
                    if !(s.default.is_finite() && s.min <= s.default && s.default <= s.max) {
                        fail(at("slider.default"), K::SliderDefault);
                    }
                }
                if s.mode == GrowthMode::Relative && s.min < -100.0 {
                    fail(at("slider.min"), K::BelowMinus100);
                }
                if s.mode == GrowthMode::Points && *kind == Kind::Level {
                    fail(at("slider.mode"), K::LevelNeedsRelative);
                }
                if s.mode == GrowthMode::Additive && *kind != Kind::Level {
                    fail(at("slider.mode"), K::AdditiveNotLevel);
                }
                let zero = ind.baseline.as_ref().is_some_and(|b| b.value == 0.0);
                if s.mode == GrowthMode::Relative && zero {
                    fail(at("baseline.value"), K::ZeroBaseline);
                }
            }
        }
        if let Some(tr) = &ind.trend {
            if !tr.growth.is_finite() {
                fail(at("trend.growth"), K::NotFinite);
            }
        }
        if let Some(u) = &ind.en_unit {
            if !(u.scale.is_finite() && u.scale > 0.0) {
                fail(at("en_unit.scale"), K::NotPositive);
            }
        }
    }

    /// The printed values an implied baseline is worked out from: the ratio's
    /// baseline (percent) and its numerator's baseline, where the ratio exists,
    /// has indicator `i` as denominator, and both values are printed.
    fn implied_inputs(
        &self,
        i: usize,
        imp: &Implied,
        ids: &HashMap<&str, usize>,
    ) -> Option<(f64, f64)> {
        let printed = |ind: &Indicator| {
            ind.baseline
                .as_ref()
                .map(|b| b.value)
                .filter(|v| !v.is_nan())
        };
        let share = &self.indicators[*ids.get(imp.share.as_str())?];
        let Kind::Ratio {
            numerator,
            denominator,
        } = &share.kind
        else {
            return None;
        };
        if *denominator != self.indicators[i].id {
            return None;
        }
        let num = &self.indicators[*ids.get(numerator.as_str())?];
        Some((printed(share)?, printed(num)?))
    }

    fn implied_ok(&self, i: usize, imp: &Implied, ids: &HashMap<&str, usize>) -> bool {
        self.implied_inputs(i, imp, ids).is_some()
    }

    /// Works out each implied baseline whose inputs are sound (the others are
    /// already reported by `validate`).
    fn resolve_implied(&mut self, errors: &mut Vec<PlanError>) {
        let mut ids = HashMap::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            register(&mut ids, &ind.id, i);
        }
        let mut resolved = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            let Some(b) = &ind.baseline else { continue };
            let Some(imp) = b.implied.as_ref().filter(|_| b.value.is_nan()) else {
                continue;
            };
            let Some((pct, num)) = self.implied_inputs(i, imp, &ids) else {
                continue;
            };
            let value = num / (pct / 100.0);
            if value.is_finite() && value > 0.0 {
                resolved.push((i, value));
            } else {
                errors.push(err(
                    format!("indicators[{i}].baseline.implied"),
                    PlanErrorKind::ImpliedNotPositive,
                ));
            }
        }
        for (i, value) in resolved {
            if let Some(b) = self.indicators[i].baseline.as_mut() {
                b.value = value;
            }
        }
    }
}

/// A path of serde_ignored in the form of [`PlanError::path`]: `indicators[5].tolerence`.
fn ignored_path(p: &serde_ignored::Path) -> String {
    use serde_ignored::Path as P;
    match p {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        P::Map { parent, key } => match ignored_path(parent) {
            s if s.is_empty() => key.clone(),
            s => format!("{s}.{key}"),
        },
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            ignored_path(parent)
        }
    }
}

/// Records the first position of `id`; `false` if it was already there.
fn register<'a>(seen: &mut HashMap<&'a str, usize>, id: &'a str, i: usize) -> bool {
    match seen.entry(id) {
        std::collections::hash_map::Entry::Occupied(_) => false,
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(i);
            true
        }
    }
}

/// An id uses only `a-z`, `0-9` and `_`, is not empty, and is not taken.
fn check_id(id: &str, fresh: bool, path: String, errors: &mut Vec<PlanError>) {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        errors.push(err(path, PlanErrorKind::BadId));
    } else if !fresh {
        errors.push(err(path, PlanErrorKind::DuplicateId));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin::ZHEJIANG_JSON;

    fn zj() -> Plan {
        Plan::zhejiang().expect("the seed loads")
    }

    #[test]
    fn seed_loads_with_all_ids() {
        let plan = zj();
        let table = [
            "rd_intensity",
            "invention_patents",
            "hightech_firms",
            "core_share",
            "core_revenue",
            "software_revenue",
            "labour_productivity",
            "smart_factories",
            "digitized_firms",
            "online_retail",
            "digital_trade",
            "mobile_office",
            "one_stop_service",
            "security_compliance",
            "open_data",
            "internet_penetration",
            "base_stations_5g",
            "dc_racks",
        ];
        let rows: Vec<&str> = plan
            .indicators
            .iter()
            .filter(|i| i.role == Role::Table)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(rows, table, "the table's 18 rows, in the plan's order");
        for id in ["de_share", "gdp", "de_value_added", "core_value_added"] {
            assert!(plan.indicator(id).is_some(), "{id}");
        }
    }

    /// Every cell of the main-targets table, as printed in the seed.
    #[test]
    fn golden_table_values() {
        let plan = zj();
        type Row = (&'static str, Option<(u16, f64)>, f64, Comparator);
        let rows: &[Row] = &[
            ("rd_intensity", Some((2019, 6.7)), 7.5, Comparator::Gte),
            ("invention_patents", Some((2020, 6.5)), 8.0, Comparator::Gte),
            (
                "hightech_firms",
                Some((2020, 8196.0)),
                12000.0,
                Comparator::Gte,
            ),
            ("core_share", Some((2020, 10.9)), 15.0, Comparator::Gte),
            ("core_revenue", Some((2020, 2.2)), 3.5, Comparator::Gte),
            (
                "software_revenue",
                Some((2020, 7035.0)),
                12000.0,
                Comparator::Gte,
            ),
            (
                "labour_productivity",
                Some((2020, 16.6)),
                22.0,
                Comparator::Gte,
            ),
            (
                "smart_factories",
                Some((2020, 263.0)),
                1000.0,
                Comparator::Gte,
            ),
            ("digitized_firms", Some((2020, 68.3)), 80.0, Comparator::Gte),
            ("online_retail", Some((2020, 2.3)), 3.2, Comparator::Gte),
            ("digital_trade", None, 10000.0, Comparator::Gte),
            ("mobile_office", None, 80.0, Comparator::Gte),
            ("one_stop_service", Some((2020, 81.6)), 90.0, Comparator::Gt),
            ("security_compliance", None, 90.0, Comparator::Gte),
            ("open_data", Some((2019, 13.0)), 30.0, Comparator::Gte),
            (
                "internet_penetration",
                Some((2019, 80.9)),
                85.0,
                Comparator::Gte,
            ),
            ("base_stations_5g", Some((2020, 6.3)), 20.0, Comparator::Gte),
            ("dc_racks", Some((2020, 17.3)), 45.0, Comparator::Gte),
        ];
        for (id, base, target, cmp) in rows {
            let ind = plan.indicator(id).unwrap();
            assert_eq!(
                ind.baseline.as_ref().map(|b| (b.year, b.value)),
                *base,
                "{id} baseline"
            );
            let t = ind.target.as_ref().unwrap();
            assert_eq!(
                (t.year, t.value, t.comparator),
                (2025, *target, *cmp),
                "{id}"
            );
        }
        let units: Vec<&str> = [
            "invention_patents",
            "core_revenue",
            "labour_productivity",
            "smart_factories",
            "base_stations_5g",
        ]
        .iter()
        .map(|id| plan.indicator(id).unwrap().unit.zh.as_str())
        .collect();
        assert_eq!(units, ["万件", "万亿元", "万元/人", "家(个)", "万个"]);
        for id in ["rd_intensity", "open_data", "internet_penetration"] {
            let printed = plan
                .indicator(id)
                .unwrap()
                .baseline
                .as_ref()
                .unwrap()
                .printed
                .clone();
            assert!(printed.unwrap().ends_with('*'), "{id} keeps the 2019 mark");
        }
    }

    #[test]
    fn golden_headline_and_drivers() {
        let plan = zj();
        let de = plan.indicator("de_share").unwrap();
        let t = de.target.as_ref().unwrap();
        assert_eq!(
            (t.value, t.comparator, t.tolerance),
            (60.0, Comparator::About, Some(1.0))
        );
        assert_eq!(de.baseline.as_ref().unwrap().value, 46.8);
        assert_eq!(
            plan.indicator("de_value_added")
                .unwrap()
                .baseline
                .as_ref()
                .unwrap()
                .value,
            30218.0
        );
        assert_eq!(
            plan.indicator("core_value_added")
                .unwrap()
                .baseline
                .as_ref()
                .unwrap()
                .value,
            7020.0
        );
        let gdp = plan
            .indicator("gdp")
            .unwrap()
            .baseline
            .as_ref()
            .unwrap()
            .value;
        assert!((gdp - 30218.0 / 0.468).abs() < 1e-6, "implied GDP {gdp}");
        let trend = plan
            .indicator("core_value_added")
            .unwrap()
            .trend
            .as_ref()
            .unwrap();
        assert_eq!((trend.growth, trend.period.as_str()), (15.2, "2016-2020"));
        assert_eq!(plan.document_number, "浙政办发〔2021〕35号");
    }

    #[test]
    fn golden_text_targets() {
        let plan = zj();
        for (id, base, target) in [
            ("security_output", None, 4000.0),
            ("ic_output", None, 2500.0),
            ("network_output", None, 4000.0),
            ("computing_output", None, 2000.0),
            ("industrial_internet_platforms", Some(210.0), 300.0),
            ("firms_over_10bn", Some(25.0), 40.0),
            ("eagle_firms", None, 50.0),
        ] {
            let ind = plan.indicator(id).unwrap();
            assert_eq!(ind.role, Role::Text, "{id}");
            assert_eq!(ind.baseline.as_ref().map(|b| b.value), base, "{id}");
            assert_eq!(ind.target.as_ref().unwrap().value, target, "{id}");
            assert!(!ind.section.is_empty(), "{id} cites its section");
        }
    }

    #[test]
    fn every_indicator_cites_a_section_and_is_bilingual() {
        for ind in zj().into_spec().indicators {
            assert!(!ind.section.is_empty(), "{}", ind.id);
            assert!(
                !ind.name.zh.is_empty() && !ind.name.en.is_empty(),
                "{}",
                ind.id
            );
            assert!(
                !ind.unit.zh.is_empty() && !ind.unit.en.is_empty(),
                "{}",
                ind.id
            );
        }
    }

    fn with(f: impl FnOnce(&mut serde_json::Value)) -> PlanError {
        let mut v: serde_json::Value = serde_json::from_str(ZHEJIANG_JSON).unwrap();
        f(&mut v);
        Plan::from_json(&v.to_string()).unwrap_err()
    }

    #[test]
    fn errors_name_the_field_path() {
        let e = with(|v| v["indicators"][3]["target"]["value"] = "lots".into());
        assert_eq!(e.path, "indicators[3].target.value");
        let e = with(|v| v["indicators"][4]["target"]["value"] = (-1.0).into());
        assert_eq!(e.path, "indicators[4].target.value");
        let e = with(|v| v["indicators"][4]["target"]["value"] = 101.0.into());
        assert_eq!(
            e.path, "indicators[4].target.value",
            "rd_intensity is a percent"
        );
        let e = with(|v| v["indicators"][5]["category"] = "nowhere".into());
        assert_eq!(e.path, "indicators[5].category");
        let e = with(|v| v["indicators"][5]["id"] = "gdp".into());
        assert_eq!(
            (e.path.as_str(), &e.kind),
            ("indicators[5].id", &PlanErrorKind::DuplicateId)
        );
        let e = with(|v| v["indicators"][5]["slider"]["default"] = 99.0.into());
        assert_eq!(e.path, "indicators[5].slider.default");
        let e = with(|v| v["indicators"][0]["target"]["tolerance"] = serde_json::Value::Null);
        assert_eq!(e.path, "indicators[0].target.tolerance");
        let e = with(|v| v["indicators"][7]["kind"]["ratio"]["numerator"] = "nope".into());
        assert_eq!(e.path, "indicators[7].kind.ratio.numerator");
        let e =
            with(|v| v["indicators"][1]["baseline"]["implied"]["share"] = "rd_intensity".into());
        assert_eq!(e.path, "indicators[1].baseline.implied.share");
        let e = with(|v| v["format"] = 2.into());
        assert_eq!(e.path, "format");
        assert!(e.to_string().starts_with("format: "));
    }

    fn kind_of(json: &str) -> (String, PlanErrorKind) {
        let e = Plan::from_json(json).unwrap_err();
        (e.path, e.kind)
    }

    #[test]
    fn serde_faults_are_typed_with_their_path() {
        let e = with(|v| v["indicators"][3]["target"]["value"] = "lots".into());
        assert_eq!(
            e.kind,
            PlanErrorKind::WrongType {
                expected: JsonKind::Number,
                found: JsonKind::String,
                value: Some("\"lots\"".into()),
            }
        );
        assert_eq!(
            e.to_string(),
            "indicators[3].target.value: must be a number, not a string (\"lots\")"
        );
        let e = with(|v| v["base_year"] = 70000.into());
        assert_eq!(
            (e.path.as_str(), e.kind),
            (
                "base_year",
                PlanErrorKind::WrongType {
                    expected: JsonKind::WholeNumber { max: 65535 },
                    found: JsonKind::Number,
                    value: Some("70000".into()),
                }
            )
        );
        let e = with(|v| v["categories"] = serde_json::Value::Null);
        assert_eq!(
            (e.path.as_str(), e.kind),
            (
                "categories",
                PlanErrorKind::WrongType {
                    expected: JsonKind::List,
                    found: JsonKind::Null,
                    value: None,
                }
            )
        );
        let e = with(|v| {
            v["indicators"][2]["name"].take();
            v["indicators"][2].as_object_mut().unwrap().remove("name");
        });
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("indicators[2].name", PlanErrorKind::Missing)
        );
        let e = with(|v| {
            v.as_object_mut().unwrap().remove("format");
        });
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("format", PlanErrorKind::Missing)
        );
        let e = with(|v| v["indicators"][0]["role"] = "boss".into());
        assert_eq!(
            (e.path.as_str(), e.kind),
            (
                "indicators[0].role",
                PlanErrorKind::UnknownChoice {
                    found: "boss".into(),
                    allowed: ["headline", "driver", "table", "text"]
                        .map(String::from)
                        .into(),
                }
            )
        );
        let twice = ZHEJIANG_JSON.replacen("\"format\": 1,", "\"format\": 1, \"format\": 1,", 1);
        assert_eq!(
            kind_of(&twice),
            ("format".into(), PlanErrorKind::DuplicateField)
        );
        let (path, kind) = kind_of("{\n  \"format\": 1,\n  x");
        assert_eq!(path, "");
        assert!(
            matches!(
                kind,
                PlanErrorKind::NotJson {
                    line: 3,
                    column: 3,
                    ..
                }
            ),
            "{kind:?}"
        );
        assert_eq!(
            kind_of("{\"format\": 1,"),
            (
                String::new(),
                PlanErrorKind::Truncated {
                    line: 1,
                    column: 13
                }
            )
        );
    }

    fn seed() -> serde_json::Value {
        serde_json::from_str(ZHEJIANG_JSON).unwrap()
    }

    /// Every fault of the seed after `f`.
    /// Every fault of the seed after `f`, without its uncertainty block (whose
    /// rules are tested in `uncertainty_tests`: an edited id or slider mode
    /// would also fault there).
    fn faults(f: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, PlanErrorKind)> {
        let mut v = seed();
        v.as_object_mut().unwrap().remove("uncertainty");
        f(&mut v);
        Plan::check(&v.to_string())
            .into_iter()
            .map(|e| (e.path, e.kind))
            .collect()
    }

    fn one(path: &str, kind: PlanErrorKind) -> Vec<(String, PlanErrorKind)> {
        vec![(path.to_string(), kind)]
    }

    /// Each rule, broken once (one error, at its path) and kept at its boundary.
    #[test]
    fn every_rule_fails_alone_and_passes_at_its_boundary() {
        use serde_json::json;
        use PlanErrorKind as K;
        type Edit = Box<dyn Fn(&mut serde_json::Value)>;
        type Case = (&'static str, Edit, Vec<(String, PlanErrorKind)>);
        let cases: Vec<Case> = vec![
            (
                "format 2",
                Box::new(|v| v["format"] = 2.into()),
                one("format", K::UnknownFormat { found: 2 }),
            ),
            (
                "target year = base year",
                Box::new(|v| v["target_year"] = 2020.into()),
                // The targets for 2025 still lie within (2020, 2035].
                one(
                    "target_year",
                    K::YearOrder {
                        base_year: 2020,
                        target_year: 2020,
                        vision_year: 2035,
                    },
                ),
            ),
            (
                "bad indicator id",
                Box::new(|v| v["indicators"][5]["id"] = "Bad-Id".into()),
                one("indicators[5].id", K::BadId),
            ),
            (
                "empty category id",
                Box::new(|v| {
                    v["categories"][0]["id"] = "".into();
                    v["indicators"][0]["category"] = "".into();
                }),
                one("categories[0].id", K::BadId),
            ),
            (
                "duplicate indicator id",
                Box::new(|v| v["indicators"][5]["id"] = "gdp".into()),
                one("indicators[5].id", K::DuplicateId),
            ),
            (
                "duplicate category id",
                Box::new(|v| {
                    let again = v["categories"][1].clone();
                    v["categories"].as_array_mut().unwrap().push(again);
                }),
                one("categories[7].id", K::DuplicateId),
            ),
            (
                "unknown category",
                Box::new(|v| v["indicators"][5]["category"] = "nowhere".into()),
                one(
                    "indicators[5].category",
                    K::UnknownCategory("nowhere".into()),
                ),
            ),
            (
                "unknown numerator",
                Box::new(|v| v["indicators"][7]["kind"]["ratio"]["numerator"] = "nope".into()),
                one(
                    "indicators[7].kind.ratio.numerator",
                    K::UnknownIndicator("nope".into()),
                ),
            ),
            (
                "unknown implied share",
                Box::new(|v| v["indicators"][1]["baseline"]["implied"]["share"] = "nope".into()),
                one(
                    "indicators[1].baseline.implied.share",
                    K::UnknownIndicator("nope".into()),
                ),
            ),
            (
                "implied share that is not a ratio",
                Box::new(|v| {
                    v["indicators"][1]["baseline"]["implied"]["share"] = "rd_intensity".into()
                }),
                one("indicators[1].baseline.implied.share", K::BadImplied),
            ),
            (
                "baseline after the base year",
                Box::new(|v| v["indicators"][5]["baseline"]["year"] = 2021.into()),
                one(
                    "indicators[5].baseline.year",
                    K::BaselineAfterBaseYear { base_year: 2020 },
                ),
            ),
            (
                "value and implied",
                Box::new(|v| v["indicators"][1]["baseline"]["value"] = 1.0.into()),
                one("indicators[1].baseline", K::ValueAndImplied),
            ),
            (
                "neither value nor implied",
                Box::new(|v| v["indicators"][5]["baseline"] = json!({ "year": 2020 })),
                one("indicators[5].baseline.value", K::Missing),
            ),
            (
                "percent above 100",
                Box::new(|v| v["indicators"][4]["target"]["value"] = 100.001.into()),
                one("indicators[4].target.value", K::NotPercent),
            ),
            (
                "negative level",
                Box::new(|v| v["indicators"][5]["baseline"]["value"] = (-0.1).into()),
                one("indicators[5].baseline.value", K::Negative),
            ),
            (
                "table row without target",
                Box::new(|v| v["indicators"][5]["target"] = json!(null)),
                one("indicators[5].target", K::TargetMissing),
            ),
            (
                "target after the vision year",
                Box::new(|v| v["indicators"][5]["target"]["year"] = 2036.into()),
                one(
                    "indicators[5].target.year",
                    K::TargetYear {
                        after: 2020,
                        until: 2035,
                    },
                ),
            ),
            (
                "target in the baseline year",
                Box::new(|v| v["indicators"][4]["target"]["year"] = 2019.into()),
                one(
                    "indicators[4].target.year",
                    K::TargetYear {
                        after: 2019,
                        until: 2035,
                    },
                ),
            ),
            (
                "about without tolerance",
                Box::new(|v| v["indicators"][0]["target"]["tolerance"] = json!(null)),
                one("indicators[0].target.tolerance", K::ToleranceMissing),
            ),
            (
                "about with a negative tolerance",
                Box::new(|v| v["indicators"][0]["target"]["tolerance"] = (-0.5).into()),
                one("indicators[0].target.tolerance", K::ToleranceMissing),
            ),
            (
                "tolerance on gte",
                Box::new(|v| v["indicators"][5]["target"]["tolerance"] = 0.into()),
                one("indicators[5].target.tolerance", K::ToleranceNotAbout),
            ),
            (
                "ratio with a slider",
                Box::new(|v| v["indicators"][7]["slider"] = v["indicators"][5]["slider"].clone()),
                one("indicators[7].slider", K::RatioHasSlider),
            ),
            (
                "level without a slider",
                Box::new(|v| v["indicators"][5]["slider"] = json!(null)),
                one("indicators[5].slider", K::SliderMissing),
            ),
            (
                "percent numerator",
                Box::new(|v| {
                    v["indicators"][7]["kind"]["ratio"]["numerator"] = "rd_intensity".into()
                }),
                one(
                    "indicators[7].kind.ratio.numerator",
                    K::PartNotLevel("rd_intensity".into()),
                ),
            ),
            (
                "numerator without baseline",
                Box::new(|v| {
                    v["indicators"][7]["kind"]["ratio"]["numerator"] = "digital_trade".into()
                }),
                one(
                    "indicators[7].kind.ratio.numerator",
                    K::PartNotLevel("digital_trade".into()),
                ),
            ),
            (
                "numerator growing in points",
                Box::new(|v| v["indicators"][3]["slider"]["mode"] = "points".into()),
                vec![
                    ("indicators[3].slider.mode".into(), K::LevelNeedsRelative),
                    (
                        "indicators[7].kind.ratio.numerator".into(),
                        K::PartNotRelative("core_value_added".into()),
                    ),
                ],
            ),
            (
                "percent growing additively",
                Box::new(|v| v["indicators"][4]["slider"]["mode"] = "additive".into()),
                one("indicators[4].slider.mode", K::AdditiveNotLevel),
            ),
            (
                "count of new things from 5",
                Box::new(|v| v["indicators"][33]["baseline"]["value"] = 5.into()),
                one(
                    "indicators[33].baseline.counts_new",
                    K::CountsNewNotZero { base_year: 2020 },
                ),
            ),
            (
                "GDP real, its shares' numerators nominal",
                Box::new(|v| v["indicators"][1]["slider"]["prices"] = "real".into()),
                vec![
                    (
                        "indicators[0].kind.ratio.denominator".into(),
                        K::PricesDiffer {
                            numerator: "de_value_added".into(),
                            denominator: "gdp".into(),
                        },
                    ),
                    (
                        "indicators[7].kind.ratio.denominator".into(),
                        K::PricesDiffer {
                            numerator: "core_value_added".into(),
                            denominator: "gdp".into(),
                        },
                    ),
                ],
            ),
            (
                "empty slider range",
                Box::new(|v| {
                    v["indicators"][5]["slider"]["max"] =
                        v["indicators"][5]["slider"]["min"].clone()
                }),
                one("indicators[5].slider.max", K::SliderRange),
            ),
            (
                "zero step",
                Box::new(|v| v["indicators"][5]["slider"]["step"] = 0.into()),
                one("indicators[5].slider.step", K::SliderStep),
            ),
            (
                "default above max",
                Box::new(|v| v["indicators"][5]["slider"]["default"] = 99.0.into()),
                one("indicators[5].slider.default", K::SliderDefault),
            ),
            (
                "relative min below -100",
                Box::new(|v| v["indicators"][5]["slider"]["min"] = (-100.5).into()),
                one("indicators[5].slider.min", K::BelowMinus100),
            ),
            (
                "zero baseline growing relatively",
                Box::new(|v| v["indicators"][5]["baseline"]["value"] = 0.into()),
                one("indicators[5].baseline.value", K::ZeroBaseline),
            ),
            (
                "implied baseline over a zero share",
                Box::new(|v| v["indicators"][0]["baseline"]["value"] = 0.into()),
                one("indicators[1].baseline.implied", K::ImpliedNotPositive),
            ),
        ];
        for (name, f, want) in &cases {
            assert_eq!(&faults(f), want, "{name}");
            let first = with(f);
            assert_eq!(
                (&first.path, &first.kind),
                (&want[0].0, &want[0].1),
                "{name}"
            );
        }

        let boundaries: Vec<(&str, Edit)> = vec![
            (
                "vision year = target year",
                Box::new(|v| v["vision_year"] = 2025.into()),
            ),
            (
                "id of a-z, 0-9 and _",
                Box::new(|v| v["indicators"][5]["id"] = "x_9".into()),
            ),
            (
                "baseline in the base year",
                Box::new(|v| v["indicators"][4]["baseline"]["year"] = 2020.into()),
            ),
            (
                "percent of 100",
                Box::new(|v| v["indicators"][4]["target"]["value"] = 100.into()),
            ),
            (
                "percent of 0",
                Box::new(|v| v["indicators"][4]["baseline"]["value"] = 0.into()),
            ),
            (
                "level target of 0",
                Box::new(|v| v["indicators"][5]["target"]["value"] = 0.into()),
            ),
            (
                "target in the vision year",
                Box::new(|v| v["indicators"][5]["target"]["year"] = 2035.into()),
            ),
            (
                "target the year after the baseline",
                Box::new(|v| v["indicators"][4]["target"]["year"] = 2020.into()),
            ),
            (
                "about with zero tolerance",
                Box::new(|v| v["indicators"][0]["target"]["tolerance"] = 0.into()),
            ),
            (
                "step = max - min",
                Box::new(|v| {
                    let s = &mut v["indicators"][5]["slider"];
                    s["step"] = (s["max"].as_f64().unwrap() - s["min"].as_f64().unwrap()).into();
                }),
            ),
            (
                "default = max",
                Box::new(|v| {
                    v["indicators"][5]["slider"]["default"] =
                        v["indicators"][5]["slider"]["max"].clone()
                }),
            ),
            (
                "relative min of -100",
                Box::new(|v| v["indicators"][5]["slider"]["min"] = (-100).into()),
            ),
            (
                "share of 100",
                Box::new(|v| v["indicators"][0]["baseline"]["value"] = 100.into()),
            ),
            (
                "driver without target",
                Box::new(|v| v["indicators"][1]["target"] = json!(null)),
            ),
        ];
        for (name, f) in &boundaries {
            assert_eq!(faults(f), vec![], "{name}");
        }
        // A point-growing percentage may start at zero; a relative one may not.
        let zero_pct = faults(|v| v["indicators"][4]["baseline"]["value"] = 0.into());
        assert!(zero_pct.is_empty(), "{zero_pct:?}");
    }

    /// Only a spec built in code can hold a non-finite number; `Plan::new` refuses it.
    #[test]
    fn non_finite_trend_is_refused() {
        let mut spec = zj().into_spec();
        let i = spec.index_of("core_value_added").unwrap();
        spec.indicators[i].trend.as_mut().unwrap().growth = f64::INFINITY;
        let e = Plan::new(spec.clone()).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("indicators[3].trend.growth", PlanErrorKind::NotFinite)
        );
        spec.indicators[i].trend.as_mut().unwrap().growth = f64::MAX;
        assert!(Plan::new(spec).is_ok());
    }

    #[test]
    fn a_plan_round_trips_through_its_spec() {
        let plan = zj();
        let spec = plan.clone().into_spec();
        assert!(spec
            .indicator("gdp")
            .unwrap()
            .baseline
            .as_ref()
            .unwrap()
            .value
            .is_nan());
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(Plan::from_json(&json).unwrap(), plan);
        assert_eq!(Plan::new(spec).unwrap(), plan);
    }

    #[test]
    fn check_lists_every_fault_in_file_order() {
        use PlanErrorKind as K;
        let json = include_str!("../../tests/fixtures/plan-several-faults.json");
        let got: Vec<(String, PlanErrorKind)> = Plan::check(json)
            .into_iter()
            .map(|e| (e.path, e.kind))
            .collect();
        let want: Vec<(&str, PlanErrorKind)> = vec![
            ("categories[1].id", K::DuplicateId),
            ("indicators[1].id", K::BadId),
            ("indicators[1].category", K::UnknownCategory("other".into())),
            (
                "indicators[1].baseline.year",
                K::BaselineAfterBaseYear { base_year: 2023 },
            ),
            ("indicators[1].target.value", K::NotPercent),
            ("indicators[1].target.tolerance", K::ToleranceNotAbout),
            ("indicators[1].slider.default", K::SliderDefault),
            ("indicators[2].target.tolerance", K::ToleranceMissing),
            (
                "indicators[2].kind.ratio.denominator",
                K::UnknownIndicator("nowhere".into()),
            ),
        ];
        let want: Vec<(String, PlanErrorKind)> =
            want.into_iter().map(|(p, k)| (p.to_string(), k)).collect();
        assert_eq!(got, want);
        let first = Plan::from_json(json).unwrap_err();
        assert_eq!(
            (first.path, first.kind),
            want[0].clone(),
            "from_json gives the first"
        );
        assert!(Plan::check(ZHEJIANG_JSON).is_empty());
        assert_eq!(Plan::check("{").len(), 1, "a parse error alone");
    }

    #[test]
    fn unknown_fields_are_listed_with_their_path() {
        assert!(PlanSpec::unknown_fields(ZHEJIANG_JSON).is_empty());
        let mut v = seed();
        v["$schema"] = "../docs/plan.schema.json".into();
        v["indicators"][5]["target"]["tolerence"] = 1.into();
        v["indicators"][7]["kind"]["ratio"]["extra"] = 1.into();
        v["indicators"][1]["baseline"]["implied"]["note"] = "x".into();
        v["categories"][0]["nom"] = "x".into();
        assert_eq!(
            PlanSpec::unknown_fields(&v.to_string()),
            [
                "categories[0].nom",
                "indicators[1].baseline.implied.note",
                "indicators[5].target.tolerence",
                // serde_ignored does not name the variant (`ratio`) in its path.
                "indicators[7].kind.extra",
            ]
        );
        assert!(
            Plan::from_json(&v.to_string()).is_ok(),
            "the loader ignores them"
        );
        assert!(PlanSpec::unknown_fields("{").is_empty());
    }

    #[test]
    fn trailing_text_after_the_plan_is_refused() {
        let e = Plan::from_json(&format!("{ZHEJIANG_JSON}\n{{}}")).unwrap_err();
        assert!(matches!(e.kind, PlanErrorKind::NotJson { .. }), "{e}");
        assert!(Plan::from_json(&format!("{ZHEJIANG_JSON}\n\n")).is_ok());
    }

    /// The notes and names the line-by-line audit of the seed asked for,
    /// in both languages.
    #[test]
    fn golden_audit_notes() {
        let plan = zj();
        let note = |id: &str| plan.indicator(id).unwrap().note.clone().unwrap();
        let both = |id: &str, zh: &str, en: &str| {
            let n = note(id);
            assert!(n.zh.contains(zh), "{id} zh: {}", n.zh);
            assert!(n.en.contains(en), "{id} en: {}", n.en);
        };
        both("smart_factories", "未来工厂12家", "12 future factories");
        both("smart_factories", "275", "275");
        both("firms_over_10bn", "千亿元企业1家", "could be 26");
        both("firms_over_10bn", "何种指标", "does not say what");
        let firms = plan.indicator("firms_over_10bn").unwrap();
        assert!(!firms.name.en.to_lowercase().contains("revenue"));
        let cloud = plan.indicator("cloud_firms").unwrap();
        assert!(cloud.name.en.contains("Cloud-based") && !cloud.name.en.contains("native"));
        for id in [
            "cloud_firms",
            "themed_towns",
            "billion_chains",
            "innovation_service_orgs",
            "industry_brains",
            "industry_clouds",
        ] {
            both(
                id,
                "规划未写年份，按2025年理解",
                "gives no year; read as 2025",
            );
        }
        for id in [
            "security_output",
            "ic_output",
            "network_output",
            "computing_output",
        ] {
            both(
                id,
                "“突破”按“至少达到该数值”理解",
                "read as at least the value",
            );
        }
        both("core_value_added", "可比价", "comparable prices");
        both("core_value_added", "混用", "mixes the two");
        both("new_key_labs", "2020年为0", "0 by definition");
        both("national_innovation_centres", "按0计", "0 by this reading");
        both("big_science_facilities", "谋划建设", "0 by this reading");
    }

    /// `printed` keeps the plan's words, not a bare number.
    #[test]
    fn golden_printed_targets() {
        let plan = zj();
        for (id, printed) in [
            ("security_output", "产值突破4000亿元"),
            ("ic_output", "产值突破2500亿元"),
            ("network_output", "产值突破4000亿元"),
            ("computing_output", "产值突破2000亿元"),
            ("billion_chains", "打造…等5个千亿级标志性产业链和产业集群"),
            ("rising_star_clusters", "培育数字经济领域“新星”产业群30个"),
            ("firms_over_10bn", "培育数字经济领域超百亿元企业40家"),
            ("eagle_firms", "培育数字经济领域雄鹰企业50家"),
            ("themed_towns", "打造数字经济领域2.0版特色小镇40个左右"),
            ("national_innovation_centres", "争创国家技术创新中心1—2家"),
            ("big_science_facilities", "建成大科学装置2个"),
            ("new_key_labs", "新建省级重点实验室20家"),
            ("new_rd_institutes", "新型研发机构达到50家"),
            ("innovation_service_orgs", "集聚400家以上创新服务机构"),
            ("industry_brains", "建成30个以上行业“产业大脑”"),
            (
                "industrial_internet_platforms",
                "建设300个以上省级工业互联网平台",
            ),
            ("cloud_firms", "培育云上企业500家"),
            (
                "industry_clouds",
                "建成10个以上具有全国影响力的行业云应用平台",
            ),
        ] {
            let t = plan.indicator(id).unwrap().target.as_ref().unwrap();
            assert_eq!(t.printed.as_deref(), Some(printed), "{id}");
        }
    }

    /// Every growth figure of the seed says whether it is nominal or real
    /// (or no money value), rather than leaning on the default.
    #[test]
    fn every_growth_figure_in_the_seed_states_its_prices() {
        let v: serde_json::Value = serde_json::from_str(ZHEJIANG_JSON).unwrap();
        for ind in v["indicators"].as_array().unwrap() {
            for field in ["slider", "trend"] {
                let x = &ind[field];
                if x.is_object() {
                    assert!(
                        x["prices"].is_string(),
                        "{}.{field} states its prices",
                        ind["id"]
                    );
                }
            }
        }
        let plan = zj();
        for ind in &plan.indicators {
            let Some(s) = &ind.slider else { continue };
            let money = ind.unit.zh.contains('元');
            assert_eq!(
                s.prices != Prices::NotMoney,
                money,
                "{}: money values are nominal or real, others not_money",
                ind.id
            );
        }
    }

    /// A format-1 file written before `prices`, `counts_new` and `additive`
    /// loads as before, its growth read as nominal.
    #[test]
    fn format_1_files_without_the_new_fields_still_load() {
        let mut v: serde_json::Value = serde_json::from_str(ZHEJIANG_JSON).unwrap();
        v.as_object_mut().unwrap().remove("uncertainty");
        for ind in v["indicators"].as_array_mut().unwrap() {
            for field in ["slider", "trend"] {
                if let Some(o) = ind[field].as_object_mut() {
                    o.remove("prices");
                }
            }
            if ind["slider"]["mode"] == "additive" {
                ind["baseline"] = serde_json::Value::Null;
                ind["slider"]["mode"] = "relative".into();
            }
        }
        let plan = Plan::from_json(&v.to_string()).expect("an older file loads");
        assert!(plan
            .indicators
            .iter()
            .filter_map(|i| i.slider.as_ref())
            .all(|s| s.prices == Prices::Nominal));
        assert_eq!(plan.trend_mixing_prices().count(), 0, "all nominal");
        assert!(plan
            .indicators
            .iter()
            .filter_map(|i| i.baseline.as_ref())
            .all(|b| !b.counts_new));
    }

    #[test]
    fn additive_growth_and_price_bases_are_validated() {
        let labs = zj().index_of("new_key_labs").unwrap();
        let rd = zj().index_of("rd_intensity").unwrap();
        let e = with(|v| v["indicators"][rd]["slider"]["mode"] = "additive".into());
        assert_eq!(e.path, format!("indicators[{rd}].slider.mode"));
        let e = with(|v| v["indicators"][labs]["slider"]["mode"] = "points".into());
        assert_eq!(e.path, format!("indicators[{labs}].slider.mode"));
        let e = with(|v| v["indicators"][labs]["slider"]["mode"] = "relative".into());
        assert_eq!(e.path, format!("indicators[{labs}].baseline.value"));
        assert!(e.to_string().contains("additive"), "{e}");
        let e = with(|v| v["indicators"][labs]["baseline"]["value"] = 5.0.into());
        assert_eq!(e.path, format!("indicators[{labs}].baseline.counts_new"));
        let e = with(|v| v["indicators"][labs]["baseline"]["year"] = 2019.into());
        assert_eq!(e.path, format!("indicators[{labs}].baseline.counts_new"));
        let e = with(|v| v["indicators"][labs]["slider"]["prices"] = "cheap".into());
        assert_eq!(e.path, format!("indicators[{labs}].slider.prices"));
        let gdp = zj().index_of("gdp").unwrap();
        let e = with(|v| v["indicators"][gdp]["slider"]["prices"] = "real".into());
        assert_eq!(e.path, "indicators[0].kind.ratio.denominator", "{e}");
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        assert!(Plan::from_json("").is_err());
        assert!(Plan::from_json("{").is_err());
        assert!(Plan::from_json("[]").is_err());
        let half: String = ZHEJIANG_JSON
            .chars()
            .take(ZHEJIANG_JSON.chars().count() / 2)
            .collect();
        assert!(Plan::from_json(&half).is_err());
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod rule_tests;

#[cfg(test)]
#[path = "plan_json_tests.rs"]
mod json_tests;
