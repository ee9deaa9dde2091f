//! The projection engine: it grows every indicator year by year from its
//! baseline and judges each target. It knows nothing of any UI.

use super::plan::{Comparator, GrowthMode, Indicator, Kind, Plan, Target};
use super::tolerance::slack;
use crate::core::map::Map;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the reader has chosen; anything absent falls back to the plan's defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Last year projected: from the plan's target year to its vision year.
    pub horizon: u16,
    /// Constant annual growth per indicator id, in the slider's unit.
    #[serde(default)]
    pub growth: Map<String, f64>,
    /// Per-year growth that overrides the constant growth in single years.
    #[serde(default)]
    pub paths: Map<String, Map<u16, f64>>,
    /// Baselines the reader supplies, for the plan's base year, where the plan has none.
    #[serde(default)]
    pub baselines: Map<String, f64>,
}

impl Scenario {
    /// The plan's default scenario: every slider at its default, horizon at the target year.
    pub fn new(plan: &Plan) -> Scenario {
        Scenario {
            horizon: plan.target_year,
            growth: Map::new(),
            paths: Map::new(),
            baselines: Map::new(),
        }
    }

    /// The constant growth in force for `ind`: the reader's, else the slider default.
    /// `None` for a ratio, which has no slider.
    pub fn growth_of(&self, ind: &Indicator) -> Option<f64> {
        let slider = ind.slider.as_ref()?;
        Some(self.growth.get(&ind.id).copied().unwrap_or(slider.default))
    }
}

/// Why the engine could not project or judge an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// No indicator has this id.
    UnknownIndicator(String),
    /// A growth rate that is NaN, infinite, or (for relative growth) below -100%.
    InvalidGrowth {
        /// The indicator.
        id: String,
        /// The year of a per-year override, `None` for the constant growth.
        year: Option<u16>,
        /// The rejected value.
        value: f64,
    },
    /// A reader-supplied baseline that cannot be used.
    InvalidBaseline {
        /// The indicator.
        id: String,
        /// The rejected value.
        value: f64,
        /// Why.
        reason: BaselineProblem,
    },
    /// A horizon outside the plan's target year to vision year.
    Horizon {
        /// The rejected horizon.
        horizon: u16,
        /// Earliest allowed.
        min: u16,
        /// Latest allowed.
        max: u16,
    },
    /// The projection grew beyond what a float can hold.
    Overflow {
        /// The indicator.
        id: String,
        /// First year that overflowed.
        year: u16,
    },
    /// A ratio's denominator reached zero.
    ZeroDenominator {
        /// The ratio.
        id: String,
        /// The year.
        year: u16,
    },
}

/// Why a supplied baseline was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineProblem {
    /// NaN, infinite or negative.
    NotFiniteOrNegative,
    /// A percentage above 100.
    OverHundred,
    /// Zero, where growth is relative.
    ZeroRelative,
}

impl fmt::Display for BaselineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BaselineProblem::NotFiniteOrNegative => "it must be a finite number, not negative",
            BaselineProblem::OverHundred => "a percentage cannot exceed 100",
            BaselineProblem::ZeroRelative => {
                "zero cannot grow by a percentage; enter a positive value"
            }
        })
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::UnknownIndicator(id) => write!(f, "no indicator `{id}`"),
            ModelError::InvalidGrowth { id, year, value } => {
                let when = year.map_or(String::new(), |y| format!(" in {y}"));
                write!(
                    f,
                    "`{id}`: growth {value}{when} is not usable (it must be a finite number, and relative growth cannot be below -100%)"
                )
            }
            ModelError::InvalidBaseline { id, value, reason } => {
                write!(f, "`{id}`: baseline {value} is not usable: {reason}")
            }
            ModelError::Horizon { horizon, min, max } => {
                write!(f, "horizon {horizon} must lie within {min}-{max}")
            }
            ModelError::Overflow { id, year } => {
                write!(
                    f,
                    "`{id}`: the projection overflows in {year}; lower the growth"
                )
            }
            ModelError::ZeroDenominator { id, year } => {
                write!(f, "`{id}`: the denominator reaches zero in {year}")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// Which bound of [0, 100] a percentage was held at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Held at 0.
    Floor,
    /// Held at 100.
    Ceiling,
}

/// The first year a percentage hit a bound and was held there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saturation {
    /// The year.
    pub year: u16,
    /// The bound.
    pub bound: Bound,
}

/// An indicator's values year by year, from its baseline year to the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// First year (the baseline year).
    pub start: u16,
    /// One value a year from `start`.
    pub values: Vec<f64>,
    /// Set when a percentage was held at 0 or 100.
    pub saturated: Option<Saturation>,
}

impl Path {
    /// The value in `year`, if the path covers it.
    pub fn at(&self, year: u16) -> Option<f64> {
        let i = usize::from(year.checked_sub(self.start)?);
        self.values.get(i).copied()
    }

    /// `(year, value)` pairs in order.
    pub fn points(&self) -> impl Iterator<Item = (u16, f64)> + '_ {
        (self.start..).zip(self.values.iter().copied())
    }

    /// The last year covered.
    pub fn end(&self) -> u16 {
        self.start + self.values.len().saturating_sub(1) as u16
    }
}

/// Hit or miss, at the target year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The projection reaches the target.
    Hit,
    /// It does not.
    Miss,
}

/// The UN Statistics Division's progress-chart class of
/// `ratio = (projected - baseline) / (target - baseline)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// ratio >= 0.95
    OnTrack,
    /// 0.5 <= ratio < 0.95
    Moderate,
    /// 0.1 <= ratio < 0.5
    Marginal,
    /// 0 <= ratio < 0.1
    Stagnation,
    /// ratio < 0
    Regression,
}

impl Progress {
    /// The class of a progress ratio.
    pub fn of(ratio: f64) -> Progress {
        if ratio >= 0.95 {
            Progress::OnTrack
        } else if ratio >= 0.5 {
            Progress::Moderate
        } else if ratio >= 0.1 {
            Progress::Marginal
        } else if ratio >= 0.0 {
            Progress::Stagnation
        } else {
            Progress::Regression
        }
    }

    /// Stable machine name, e.g. `on-track`.
    pub fn key(self) -> &'static str {
        match self {
            Progress::OnTrack => "on-track",
            Progress::Moderate => "moderate",
            Progress::Marginal => "marginal",
            Progress::Stagnation => "stagnation",
            Progress::Regression => "regression",
        }
    }
}

/// Everything the engine says about one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The projected path.
    pub path: Path,
    /// Baseline year and value the projection starts from.
    pub baseline: (u16, f64),
    /// The projected value in the target year.
    pub projected: f64,
    /// Hit or miss in the target year.
    pub verdict: Verdict,
    /// `projected - target`, in the indicator's unit.
    pub margin: f64,
    /// `margin / target`; `None` for a zero target.
    pub margin_rel: Option<f64>,
    /// First year within the horizon in which the target is reached.
    pub first_hit: Option<u16>,
    /// The constant growth, in the slider's unit, that lands exactly on the
    /// target value (for a ratio: the numerator's growth at the chosen
    /// denominator path). `None` where no constant growth can (a zero baseline).
    pub required: Option<f64>,
    /// `(projected - baseline) / (target - baseline)`.
    pub progress_ratio: f64,
    /// Its class.
    pub progress: Progress,
}

/// The engine's answer for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The plan prints no baseline and the reader has supplied none.
    NeedsBaseline,
    /// A driver: projected, with no target to judge.
    Projected(Path),
    /// A target, projected and judged.
    Assessed(Box<Assessment>),
}

/// One indicator's outcome within a [`Run`].
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The indicator's id.
    pub id: String,
    /// Its status, or why it could not be computed.
    pub status: Result<Status, ModelError>,
}

/// The outcome of every indicator of a plan under one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// In the plan's order.
    pub outcomes: Vec<Outcome>,
}

impl Run {
    /// `(hit, assessed)`: how many assessed targets are hit, of how many.
    pub fn tally(&self) -> (usize, usize) {
        let assessed = self.assessments().count();
        let hit = self
            .assessments()
            .filter(|(_, a)| a.verdict == Verdict::Hit)
            .count();
        (hit, assessed)
    }

    /// Every assessed target with its id.
    pub fn assessments(&self) -> impl Iterator<Item = (&str, &Assessment)> {
        self.outcomes.iter().filter_map(|o| match &o.status {
            Ok(Status::Assessed(a)) => Some((o.id.as_str(), a.as_ref())),
            _ => None,
        })
    }

    /// Ids of the targets that wait for a baseline from the reader.
    pub fn needing_baseline(&self) -> impl Iterator<Item = &str> {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.status, Ok(Status::NeedsBaseline)))
            .map(|o| o.id.as_str())
    }

    /// The outcome for `id`.
    pub fn get(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
}

/// Checks a growth rate for `mode`: any finite number, and for relative
/// growth at least -100%. Points and additive growth may be negative.
///
/// # Errors
/// [`ModelError::InvalidGrowth`] for NaN, infinity, or relative growth below -100%.
pub fn check_growth(
    id: &str,
    year: Option<u16>,
    g: f64,
    mode: GrowthMode,
) -> Result<f64, ModelError> {
    if g.is_finite() && (mode != GrowthMode::Relative || g >= -100.0) {
        Ok(g)
    } else {
        Err(ModelError::InvalidGrowth {
            id: id.to_string(),
            year,
            value: g,
        })
    }
}

/// Whether `value` reaches `target`: `>=` for `gte`, strictly `>` for `gt`,
/// and at least `value - tolerance` for `about`, each with the slack of
/// [`crate::core::tolerance::slack`].
pub fn meets(value: f64, target: &Target) -> bool {
    let s = slack(target.value);
    match target.comparator {
        Comparator::Gte => value >= target.value - s,
        Comparator::Gt => value > target.value + s,
        Comparator::About => value >= target.value - target.tolerance.unwrap_or(0.0) - s,
    }
}

fn lookup<'p>(plan: &'p Plan, id: &str) -> Result<&'p Indicator, ModelError> {
    plan.indicator(id)
        .ok_or_else(|| ModelError::UnknownIndicator(id.to_string()))
}

fn check_horizon(plan: &Plan, scenario: &Scenario) -> Result<u16, ModelError> {
    let h = scenario.horizon;
    if (plan.target_year..=plan.vision_year).contains(&h) {
        Ok(h)
    } else {
        Err(ModelError::Horizon {
            horizon: h,
            min: plan.target_year,
            max: plan.vision_year,
        })
    }
}

/// The baseline year and value in force for `ind`: the plan's, else the
/// reader's (for the plan's base year), else `None`.
///
/// # Errors
/// [`ModelError::InvalidBaseline`] for a reader's baseline that is not finite,
/// is negative, exceeds 100 for a percentage, or is zero where growth is relative.
pub fn baseline_of(
    plan: &Plan,
    scenario: &Scenario,
    ind: &Indicator,
) -> Result<Option<(u16, f64)>, ModelError> {
    if let Some(b) = &ind.baseline {
        return Ok(Some((b.year, b.value)));
    }
    let Some(&v) = scenario.baselines.get(&ind.id) else {
        return Ok(None);
    };
    let bad = |reason| ModelError::InvalidBaseline {
        id: ind.id.clone(),
        value: v,
        reason,
    };
    if !v.is_finite() || v < 0.0 {
        return Err(bad(BaselineProblem::NotFiniteOrNegative));
    }
    if ind.kind == Kind::Percent && v > 100.0 {
        return Err(bad(BaselineProblem::OverHundred));
    }
    if v == 0.0 && ind.slider.as_ref().map(|s| s.mode) == Some(GrowthMode::Relative) {
        return Err(bad(BaselineProblem::ZeroRelative));
    }
    Ok(Some((plan.base_year, v)))
}

/// Projects a level or percentage from `(year, value)` to `end`:
/// `v' = v × (1 + g/100)` (relative) or `v' = v + g` (points, additive).
/// A percentage is held within [0, 100], a level at or above 0.
fn grow(
    ind: &Indicator,
    scenario: &Scenario,
    start: (u16, f64),
    end: u16,
) -> Result<Path, ModelError> {
    // Unreachable: `Plan::new` gives every level and percentage a slider.
    let slider = ind.slider.as_ref().expect("only ratios lack a slider");
    let constant = scenario.growth_of(ind).unwrap_or(slider.default);
    let constant = check_growth(&ind.id, None, constant, slider.mode)?;
    let overrides = scenario.paths.get(&ind.id);
    let bounded = ind.kind == Kind::Percent;
    let (year0, mut v) = start;
    let mut values = vec![v];
    let mut saturated = None;
    for year in year0 + 1..=end {
        let g = match overrides.and_then(|p| p.get(&year)) {
            Some(&g) => check_growth(&ind.id, Some(year), g, slider.mode)?,
            None => constant,
        };
        v = match slider.mode {
            GrowthMode::Relative => v * (1.0 + g / 100.0),
            GrowthMode::Points | GrowthMode::Additive => v + g,
        };
        if !v.is_finite() {
            return Err(ModelError::Overflow {
                id: ind.id.clone(),
                year,
            });
        }
        v = if bounded {
            clamp_percent(v, year, &mut saturated)
        } else {
            // A level below 0 (additive growth below 0) is held at 0, and
            // the next year grows from there.
            v.max(0.0)
        };
        values.push(v);
    }
    Ok(Path {
        start: year0,
        values,
        saturated,
    })
}

fn clamp_percent(v: f64, year: u16, saturated: &mut Option<Saturation>) -> f64 {
    let bound = if v > 100.0 {
        Bound::Ceiling
    } else if v < 0.0 {
        Bound::Floor
    } else {
        return v;
    };
    saturated.get_or_insert(Saturation { year, bound });
    v.clamp(0.0, 100.0)
}

/// The numerator and denominator ids of a ratio.
fn ratio_parts(ind: &Indicator) -> Option<(&str, &str)> {
    match &ind.kind {
        Kind::Ratio {
            numerator,
            denominator,
        } => Some((numerator, denominator)),
        _ => None,
    }
}

/// The projected path of `id` from its baseline year to the scenario's horizon
/// (at least to the target year). A ratio is `100 × numerator / denominator`.
/// `Ok(None)` where the indicator needs a baseline.
///
/// # Errors
/// Any [`ModelError`]: unknown id, bad horizon, bad growth or baseline, overflow,
/// or a ratio whose denominator reaches zero.
pub fn project(plan: &Plan, scenario: &Scenario, id: &str) -> Result<Option<Path>, ModelError> {
    let horizon = check_horizon(plan, scenario)?;
    let ind = lookup(plan, id)?;
    let end = ind.target.as_ref().map_or(horizon, |t| t.year.max(horizon));
    if let Some((num, den)) = ratio_parts(ind) {
        // Unreachable: `Plan::new` checks that a ratio's parts have a baseline.
        let n = project(plan, scenario, num)?.expect("validated: numerator has a baseline");
        let d = project(plan, scenario, den)?.expect("validated: denominator has a baseline");
        let start = n.start.max(d.start);
        let mut saturated = None;
        let mut values = Vec::new();
        for year in start..=end {
            let (nv, dv) = (n.at(year).unwrap_or(0.0), d.at(year).unwrap_or(0.0));
            if dv <= 0.0 {
                return Err(ModelError::ZeroDenominator {
                    id: id.to_string(),
                    year,
                });
            }
            values.push(clamp_percent(100.0 * nv / dv, year, &mut saturated));
        }
        return Ok(Some(Path {
            start,
            values,
            saturated,
        }));
    }
    match baseline_of(plan, scenario, ind)? {
        Some(start) => grow(ind, scenario, start, end).map(Some),
        None => Ok(None),
    }
}

/// The constant growth that lands `id` exactly on its target value in the
/// target year, in closed form: `((T/B)^(1/n) - 1) × 100` for relative growth,
/// `(T - B) / n` for percentage points and for additive growth (in the
/// indicator's unit a year; `T / n` for a count of new things, whose `B` is
/// 0), and for a ratio the numerator's growth
/// `((T/100 × D_n / N_0)^(1/n) - 1) × 100` given the denominator's projected
/// value `D_n`. For a strict (`>`) target this is the boundary: any growth
/// above it hits. `Ok(None)` where there is no target, no baseline, or no
/// constant growth reaches it (a zero baseline).
///
/// # Errors
/// As [`project`], for the baseline and (for a ratio) the denominator's path.
pub fn required_growth(
    plan: &Plan,
    scenario: &Scenario,
    id: &str,
) -> Result<Option<f64>, ModelError> {
    let ind = lookup(plan, id)?;
    let Some(target) = &ind.target else {
        return Ok(None);
    };
    if let Some((num, den)) = ratio_parts(ind) {
        let num = lookup(plan, num)?;
        let Some((y0, n0)) = baseline_of(plan, scenario, num)? else {
            return Ok(None);
        };
        // Unreachable: `Plan::new` checks that a ratio's parts have a baseline.
        let d = project(plan, scenario, den)?.expect("validated: denominator has a baseline");
        let dn = d.at(target.year).unwrap_or(0.0);
        let n = f64::from(target.year - y0);
        return Ok(relative_rate(n0, target.value / 100.0 * dn, n));
    }
    let Some((y0, b)) = baseline_of(plan, scenario, ind)? else {
        return Ok(None);
    };
    let n = f64::from(target.year - y0);
    // Unreachable: `Plan::new` gives every level and percentage a slider.
    let mode = ind
        .slider
        .as_ref()
        .expect("validated: only ratios lack a slider")
        .mode;
    Ok(match mode {
        GrowthMode::Points | GrowthMode::Additive => Some((target.value - b) / n),
        GrowthMode::Relative => relative_rate(b, target.value, n),
    })
}

/// A growth that hits `target` given its required growth: the required
/// growth itself, or just past it ([`crate::core::tolerance::STRICT_NUDGE`])
/// for a strict target, whose required growth is only the boundary.
pub fn growth_to_hit(required: f64, target: &Target) -> f64 {
    match target.comparator {
        Comparator::Gt => required + super::tolerance::STRICT_NUDGE,
        _ => required,
    }
}

fn relative_rate(from: f64, to: f64, years: f64) -> Option<f64> {
    if from <= 0.0 || to < 0.0 || years <= 0.0 {
        return None;
    }
    let g = ((to / from).powf(1.0 / years) - 1.0) * 100.0;
    g.is_finite().then_some(g)
}

/// Projects and judges one indicator.
///
/// # Errors
/// As [`project`].
pub fn assess(plan: &Plan, scenario: &Scenario, id: &str) -> Result<Status, ModelError> {
    let ind = lookup(plan, id)?;
    let Some(path) = project(plan, scenario, id)? else {
        return Ok(Status::NeedsBaseline);
    };
    let Some(target) = &ind.target else {
        return Ok(Status::Projected(path));
    };
    let baseline = (path.start, path.values[0]);
    let projected = path
        .at(target.year)
        .expect("the path runs to the target year");
    let verdict = if meets(projected, target) {
        Verdict::Hit
    } else {
        Verdict::Miss
    };
    let margin = projected - target.value;
    let margin_rel = (target.value != 0.0).then(|| margin / target.value.abs());
    let first_hit = path
        .points()
        .find(|&(_, v)| meets(v, target))
        .map(|(y, _)| y);
    let span = target.value - baseline.1;
    let progress_ratio = if span.abs() <= slack(target.value) {
        if verdict == Verdict::Hit {
            1.0
        } else {
            -1.0
        }
    } else {
        (projected - baseline.1) / span
    };
    let required = required_growth(plan, scenario, id)?;
    Ok(Status::Assessed(Box::new(Assessment {
        path,
        baseline,
        projected,
        verdict,
        margin,
        margin_rel,
        first_hit,
        required,
        progress_ratio,
        progress: Progress::of(progress_ratio),
    })))
}

/// Projects and judges every indicator of the plan.
///
/// # Errors
/// [`ModelError::Horizon`] for a horizon outside the plan's years; every other
/// error is kept in its indicator's [`Outcome`].
pub fn run(plan: &Plan, scenario: &Scenario) -> Result<Run, ModelError> {
    check_horizon(plan, scenario)?;
    let outcomes = plan
        .indicators
        .iter()
        .map(|ind| Outcome {
            id: ind.id.clone(),
            status: assess(plan, scenario, &ind.id),
        })
        .collect();
    Ok(Run { outcomes })
}

/// A reader's per-year growth paths keyed by indicator, for display: the growth
/// in force in each year from the year after the baseline to the horizon.
pub fn growth_by_year(plan: &Plan, scenario: &Scenario, id: &str) -> Map<u16, f64> {
    let Some(ind) = plan.indicator(id) else {
        return Map::new();
    };
    let Some(g) = scenario.growth_of(ind) else {
        return Map::new();
    };
    let start = ind.baseline.as_ref().map_or(plan.base_year, |b| b.year);
    let over = scenario.paths.get(id);
    // The years ascend, so each insertion lands at the end: no element moves, no sort.
    let mut out = Map::new();
    for y in start + 1..=scenario.horizon.max(plan.target_year) {
        out.insert(y, over.and_then(|p| p.get(&y)).copied().unwrap_or(g));
    }
    out
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "engine_rules_tests.rs"]
mod rules_tests;
