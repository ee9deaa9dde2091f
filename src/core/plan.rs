//! The plan as data: indicators, baselines, targets and slider metadata,
//! loaded from a JSON plan file and validated (see `docs/plan-format.md`).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// A text in Chinese and in English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// Chinese, verbatim from the plan where the plan has it.
    pub zh: String,
    /// English translation.
    pub en: String,
}

/// What part an indicator plays in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Implied {
    /// Id of a ratio whose denominator is this indicator: the baseline is
    /// `numerator baseline / (ratio baseline / 100)`.
    pub share: String,
}

/// An indicator's starting point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct Target {
    /// The year by which it is to be reached.
    pub year: u16,
    /// The target value, in the indicator's unit.
    pub value: f64,
    /// How a projection is compared with it.
    pub comparator: Comparator,
    /// For [`Comparator::About`]: how far below `value` still counts as reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// The cell exactly as printed, where it differs from the bare value (`>90`, `60%左右`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
}

/// Range, step and default of an indicator's growth slider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Its starting point; `None` where the plan prints `/`.
    pub baseline: Option<Baseline>,
    /// Its target; `None` for drivers.
    pub target: Option<Target>,
    /// Its slider; `None` for ratios.
    pub slider: Option<Slider>,
    /// Growth the plan reports for the previous plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
    /// How plansim reads something the plan leaves open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
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
pub struct Category {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
}

/// A whole plan: its metadata and its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
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
}

/// Why a plan file was refused; `path` names the offending field,
/// e.g. `indicators[3].target.value`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    /// Path of the field, `""` for the whole file.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PlanError {}

/// The Zhejiang plan that ships with plansim, as JSON.
pub const ZHEJIANG_JSON: &str = include_str!("../../seeds/zhejiang-digital-economy-14fyp.json");

fn nan() -> f64 {
    f64::NAN
}

fn is_nan(v: &f64) -> bool {
    v.is_nan()
}

fn err(path: impl Into<String>, message: impl Into<String>) -> PlanError {
    PlanError {
        path: path.into(),
        message: message.into(),
    }
}

impl Plan {
    /// Parses and validates a plan file, resolving implied baselines.
    ///
    /// # Errors
    /// A [`PlanError`] naming the first field that is missing, of the wrong
    /// type, or inconsistent with the rest of the plan.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let mut de = serde_json::Deserializer::from_str(json);
        let mut plan: Plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            err(path, e.into_inner().to_string())
        })?;
        plan.validate()?;
        plan.resolve_implied()?;
        Ok(plan)
    }

    /// The Zhejiang plan built into plansim.
    ///
    /// # Errors
    /// Only if the shipped seed file is broken, which a test rules out.
    pub fn zhejiang() -> Result<Plan, PlanError> {
        Plan::from_json(ZHEJIANG_JSON)
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

    fn validate(&self) -> Result<(), PlanError> {
        if self.format != 1 {
            return Err(err("format", "only format 1 is known"));
        }
        if !(self.base_year < self.target_year && self.target_year <= self.vision_year) {
            return Err(err(
                "target_year",
                "years must satisfy base_year < target_year <= vision_year",
            ));
        }
        let mut cats = HashMap::new();
        for (i, c) in self.categories.iter().enumerate() {
            check_id(&c.id, &format!("categories[{i}].id"))?;
            if cats.insert(c.id.as_str(), i).is_some() {
                return Err(err(format!("categories[{i}].id"), "duplicate id"));
            }
        }
        let mut ids = HashMap::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            check_id(&ind.id, &format!("indicators[{i}].id"))?;
            if ids.insert(ind.id.as_str(), i).is_some() {
                return Err(err(format!("indicators[{i}].id"), "duplicate id"));
            }
            if !cats.contains_key(ind.category.as_str()) {
                return Err(err(
                    format!("indicators[{i}].category"),
                    format!("unknown category `{}`", ind.category),
                ));
            }
        }
        for (i, ind) in self.indicators.iter().enumerate() {
            self.validate_indicator(i, ind, &ids)?;
        }
        Ok(())
    }

    fn validate_indicator(
        &self,
        i: usize,
        ind: &Indicator,
        ids: &HashMap<&str, usize>,
    ) -> Result<(), PlanError> {
        let at = |field: &str| format!("indicators[{i}].{field}");
        let is_percent = matches!(ind.kind, Kind::Percent | Kind::Ratio { .. });
        let in_range = |v: f64| v.is_finite() && v >= 0.0 && (!is_percent || v <= 100.0);
        let range_msg = if is_percent {
            "must be a number within [0, 100]"
        } else {
            "must be a finite number, not negative"
        };

        if let Some(b) = &ind.baseline {
            if b.year > self.base_year {
                return Err(err(
                    at("baseline.year"),
                    format!("must not be after the base year {}", self.base_year),
                ));
            }
            match (&b.implied, b.value.is_nan()) {
                (Some(_), false) => {
                    return Err(err(
                        at("baseline"),
                        "give either value or implied, not both",
                    ))
                }
                (None, true) => return Err(err(at("baseline.value"), "missing")),
                (None, false) if !in_range(b.value) => {
                    return Err(err(at("baseline.value"), range_msg))
                }
                (Some(imp), true) => self.check_implied(i, imp, ids)?,
                _ => {}
            }
            if b.counts_new && (b.value != 0.0 || b.year != self.base_year) {
                return Err(err(
                    at("baseline.counts_new"),
                    format!(
                        "a count of new things starts from value 0 in the base year {}",
                        self.base_year
                    ),
                ));
            }
        }

        match (&ind.target, ind.role) {
            (None, Role::Driver) => {}
            (None, _) => return Err(err(at("target"), "missing: only drivers may lack one")),
            (Some(t), _) => {
                let from = ind.baseline.as_ref().map_or(self.base_year, |b| b.year);
                if t.year <= from || t.year > self.vision_year {
                    return Err(err(
                        at("target.year"),
                        format!("must be after {from} and not after {}", self.vision_year),
                    ));
                }
                if !in_range(t.value) {
                    return Err(err(at("target.value"), range_msg));
                }
                match (t.comparator, t.tolerance) {
                    (Comparator::About, Some(tol)) if tol.is_finite() && tol >= 0.0 => {}
                    (Comparator::About, _) => {
                        return Err(err(
                            at("target.tolerance"),
                            "an `about` target needs a finite tolerance >= 0",
                        ))
                    }
                    (_, Some(_)) => {
                        return Err(err(
                            at("target.tolerance"),
                            "only an `about` target takes a tolerance",
                        ))
                    }
                    _ => {}
                }
            }
        }

        match (&ind.kind, &ind.slider) {
            (Kind::Ratio { .. }, Some(_)) => {
                return Err(err(at("slider"), "a ratio is derived and takes no slider"))
            }
            (
                Kind::Ratio {
                    numerator,
                    denominator,
                },
                None,
            ) => {
                for (field, id) in [("numerator", numerator), ("denominator", denominator)] {
                    let Some(&j) = ids.get(id.as_str()) else {
                        return Err(err(
                            at(&format!("kind.ratio.{field}")),
                            format!("unknown indicator `{id}`"),
                        ));
                    };
                    let other = &self.indicators[j];
                    if other.kind != Kind::Level || other.baseline.is_none() {
                        return Err(err(
                            at(&format!("kind.ratio.{field}")),
                            format!("`{id}` must be a level with a baseline"),
                        ));
                    }
                    if other.slider.as_ref().map(|s| s.mode) != Some(GrowthMode::Relative) {
                        return Err(err(
                            at(&format!("kind.ratio.{field}")),
                            format!("`{id}` must have a relative-growth slider"),
                        ));
                    }
                }
                let prices = |id: &String| {
                    ids.get(id.as_str())
                        .and_then(|&j| self.indicators[j].slider.as_ref())
                        .map(|s| s.prices)
                };
                if prices(numerator) != prices(denominator) {
                    return Err(err(
                        at("kind.ratio.denominator"),
                        format!(
                            "`{numerator}` and `{denominator}` must grow on one price basis (`slider.prices`)"
                        ),
                    ));
                }
            }
            (_, None) => return Err(err(at("slider"), "missing")),
            (kind, Some(s)) => {
                if !(s.min.is_finite() && s.max.is_finite() && s.min < s.max) {
                    return Err(err(at("slider.max"), "need finite min < max"));
                }
                if !(s.step.is_finite() && s.step > 0.0 && s.step <= s.max - s.min) {
                    return Err(err(at("slider.step"), "must be > 0 and fit the range"));
                }
                if !(s.default.is_finite() && s.min <= s.default && s.default <= s.max) {
                    return Err(err(at("slider.default"), "must lie within [min, max]"));
                }
                if s.mode == GrowthMode::Relative && s.min < -100.0 {
                    return Err(err(
                        at("slider.min"),
                        "relative growth cannot be below -100%",
                    ));
                }
                if s.mode == GrowthMode::Points && *kind == Kind::Level {
                    return Err(err(
                        at("slider.mode"),
                        "a level grows `relative` or `additive`, not in points",
                    ));
                }
                if s.mode == GrowthMode::Additive && *kind != Kind::Level {
                    return Err(err(
                        at("slider.mode"),
                        "only a level grows `additive`; a percentage grows in `points`",
                    ));
                }
                if s.mode == GrowthMode::Relative {
                    if let Some(b) = &ind.baseline {
                        if b.value == 0.0 {
                            return Err(err(
                                at("baseline.value"),
                                "a zero baseline cannot grow relatively; use `additive` growth",
                            ));
                        }
                    }
                }
            }
        }
        if let Some(tr) = &ind.trend {
            if !tr.growth.is_finite() {
                return Err(err(at("trend.growth"), "must be a finite number"));
            }
        }
        Ok(())
    }

    fn check_implied(
        &self,
        i: usize,
        imp: &Implied,
        ids: &HashMap<&str, usize>,
    ) -> Result<(), PlanError> {
        let path = format!("indicators[{i}].baseline.implied.share");
        let Some(&j) = ids.get(imp.share.as_str()) else {
            return Err(err(path, format!("unknown indicator `{}`", imp.share)));
        };
        let share = &self.indicators[j];
        let ok = match &share.kind {
            Kind::Ratio {
                numerator,
                denominator,
            } => {
                *denominator == self.indicators[i].id
                    && share.baseline.as_ref().is_some_and(|b| !b.value.is_nan())
                    && ids
                        .get(numerator.as_str())
                        .and_then(|&n| self.indicators[n].baseline.as_ref())
                        .is_some_and(|b| !b.value.is_nan())
            }
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(err(
                path,
                "must name a ratio with this indicator as denominator, whose own baseline and numerator's baseline are printed values",
            ))
        }
    }

    fn resolve_implied(&mut self) -> Result<(), PlanError> {
        for i in 0..self.indicators.len() {
            let Some(imp) = self.indicators[i]
                .baseline
                .as_ref()
                .and_then(|b| b.implied.clone())
            else {
                continue;
            };
            let share = self.indicator(&imp.share).expect("validated");
            let Kind::Ratio { numerator, .. } = &share.kind else {
                unreachable!("validated")
            };
            let pct = share.baseline.as_ref().expect("validated").value;
            let num = self.indicator(numerator).expect("validated");
            let num = num.baseline.as_ref().expect("validated").value;
            let value = num / (pct / 100.0);
            if !(value.is_finite() && value > 0.0) {
                return Err(err(
                    format!("indicators[{i}].baseline.implied"),
                    "the implied value is not a positive finite number",
                ));
            }
            self.indicators[i].baseline.as_mut().expect("checked").value = value;
        }
        Ok(())
    }
}

fn check_id(id: &str, path: &str) -> Result<(), PlanError> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(err(path, "ids use only a-z, 0-9 and _"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for ind in zj().indicators {
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
            (e.path.as_str(), e.message.as_str()),
            ("indicators[5].id", "duplicate id")
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
        assert!(e.message.contains("additive"), "{}", e.message);
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
