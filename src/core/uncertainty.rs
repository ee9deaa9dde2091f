//! The chance of hitting each target: the model of `docs/uncertainty.md`.
//!
//! Growth is never exact. For an indicator with a relative slider, each
//! year's log growth `ln(1 + g_t/100)` is normal with mean `ln(1 + g/100)`
//! (g is the reader's growth for that year) and standard deviation `σ`; for a
//! points slider each year's change is normal with mean `g` and standard
//! deviation `σ` points, and the [0, 100] bounds still hold. Years are
//! independent. A ratio's numerator and denominator growth are correlated with
//! coefficient `ρ`. `σ` and `ρ` are data in the plan file (the [`Spec`]), each
//! with its source or stated rule; [`estimate`] applies the rule to reported
//! values. A [`Scale`] multiplies every `σ`; scale 0 gives back the
//! deterministic verdicts exactly.
//!
//! The central path of the engine ([`crate::core::engine::run`]) is the
//! median of every distribution here, so the verdict keeps meaning what it
//! means without uncertainty. [`Outlook`] answers in closed form where one
//! exists (levels, ratios, percentages whose bounds do not bind) and by a
//! seeded, reproducible Monte Carlo run otherwise.

use super::engine::{
    growth_by_year, growth_to_hit, meets, project, run, Bound, ModelError, Path, Run, Saturation,
    Scenario, Status,
};
use super::plan::{
    Comparator, GrowthMode, Indicator, Kind, Plan, PlanError, PlanErrorKind, PlanSpec, Target, Text,
};
use super::reported::{ReportStatus, Reported};
use super::tolerance::{slack, BOUND_Z, GROWTH_BISECT, PSD_SLACK};
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, Normal};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// The seed of every Monte Carlo run unless the caller gives another, so that
/// every reader (and every pupil of a class) sees the same futures.
pub const DEFAULT_SEED: u64 = 2021;

/// Draws of a Monte Carlo run unless the caller gives another number: the
/// standard error of a chance near 50% is then 0.5 percentage point.
pub const DEFAULT_DRAWS: usize = 10_000;

/// The probabilities of a [`Fan`]'s quantiles: the 95%, 80% and 50% central
/// bands and the median.
pub const FAN_PROBABILITIES: [f64; 7] = [0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975];

// ---------------------------------------------------------------------------
// Errors

/// Why a chance, band or growth could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum UncertaintyError {
    /// The plan file has no `uncertainty` block.
    NoSpec,
    /// The engine refused the scenario or this indicator.
    Model(ModelError),
    /// No indicator has this id.
    UnknownIndicator(String),
    /// The indicator has no target to hit.
    NoTarget(String),
    /// The indicator waits for a baseline from the reader.
    NeedsBaseline(String),
    /// The indicator is not a ratio (a trade-off map needs one).
    NotARatio(String),
    /// A scale that is NaN, negative or above [`Scale::MAX`].
    InvalidScale(f64),
    /// A probability outside the open interval (0, 1).
    InvalidProbability(f64),
    /// A growth that is NaN, infinite or (relative) not above -100%.
    InvalidGrowth(f64),
    /// A Monte Carlo run of zero draws.
    NoDraws,
}

impl fmt::Display for UncertaintyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UncertaintyError::NoSpec => f.write_str("the plan states no uncertainty"),
            UncertaintyError::Model(e) => write!(f, "{e}"),
            UncertaintyError::UnknownIndicator(id) => write!(f, "no indicator `{id}`"),
            UncertaintyError::NoTarget(id) => write!(f, "`{id}` has no target"),
            UncertaintyError::NeedsBaseline(id) => write!(f, "`{id}` needs a baseline"),
            UncertaintyError::NotARatio(id) => write!(f, "`{id}` is not a ratio"),
            UncertaintyError::InvalidScale(s) => write!(
                f,
                "uncertainty scale {s} must be a number from 0 to {}",
                Scale::MAX
            ),
            UncertaintyError::InvalidProbability(p) => {
                write!(f, "probability {p} must lie strictly between 0 and 1")
            }
            UncertaintyError::InvalidGrowth(g) => write!(
                f,
                "growth {g} is not usable (it must be finite, and relative growth above -100%)"
            ),
            UncertaintyError::NoDraws => f.write_str("a Monte Carlo run needs at least one draw"),
        }
    }
}

impl std::error::Error for UncertaintyError {}

impl From<ModelError> for UncertaintyError {
    fn from(e: ModelError) -> Self {
        UncertaintyError::Model(e)
    }
}

// ---------------------------------------------------------------------------
// The plan file's block

/// The plan file's `uncertainty` block: the rule, the per-class defaults,
/// the estimates the rule gave, and each ratio's `ρ`. Loaded and validated
/// with the plan ([`Plan::from_json`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Spec {
    rule: Text,
    min_observations: usize,
    min_pairs: usize,
    classes: Vec<Class>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    estimates: Vec<SigmaEstimate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    correlations: Vec<Correlation>,
}

/// A kind of indicator and its default `σ`, with the reasoning for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Class {
    id: String,
    mode: GrowthMode,
    sigma: f64,
    reasoning: Text,
    indicators: Vec<String>,
}

impl Class {
    /// Stable id of the class.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The slider mode of its members.
    pub fn mode(&self) -> GrowthMode {
        self.mode
    }
    /// The default `σ`, in the slider's unit (see [`Sigma`]).
    pub fn sigma(&self) -> f64 {
        self.sigma
    }
    /// Why this default.
    pub fn reasoning(&self) -> &Text {
        &self.reasoning
    }
    /// Ids of its members.
    pub fn indicators(&self) -> &[String] {
        &self.indicators
    }
}

/// A `σ` that the rule estimated from reported values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct SigmaEstimate {
    id: String,
    sigma: f64,
    observations: usize,
    period: String,
}

/// A ratio's `ρ`: estimated (enough pairs) or stated with its reasoning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Correlation {
    ratio: String,
    rho: f64,
    pairs: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reasoning: Option<Text>,
}

/// Where an indicator's `σ` comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SigmaSource<'a> {
    /// The rule, from this many annual growth observations over `period`.
    Estimated {
        /// Number of growth observations.
        observations: usize,
        /// The years they span, e.g. `2020-2024`.
        period: &'a str,
    },
    /// The default of this class (too few observations).
    Class(&'a Class),
}

/// An indicator's `σ` as the plan file states it (before any [`Scale`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sigma<'a> {
    /// In the slider's unit: for a relative slider, 100 × the standard
    /// deviation of `ln(1 + g/100)` (about percentage points of growth); for a
    /// points slider, percentage points.
    pub value: f64,
    /// The slider's mode.
    pub mode: GrowthMode,
    /// Where it comes from.
    pub source: SigmaSource<'a>,
}

/// A ratio's `ρ` as the plan file states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rho<'a> {
    /// The correlation of the numerator's and denominator's annual growth.
    pub value: f64,
    /// The paired annual growth observations that were available.
    pub pairs: usize,
    /// True when the rule estimated it (`pairs >= min_pairs`).
    pub estimated: bool,
    /// Why this value, where it is not estimated.
    pub reasoning: Option<&'a Text>,
}

fn perr(path: impl Into<String>, fault: UncertaintyFault) -> PlanError {
    PlanError {
        path: path.into(),
        kind: PlanErrorKind::Uncertainty(fault),
    }
}

/// Why an `uncertainty` block was refused; worded in both languages by
/// `plan_text`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UncertaintyFault {
    /// `min_observations` below 2.
    #[error("must be at least 2 (a standard deviation needs two values)")]
    MinObservations,
    /// `min_pairs` below 3.
    #[error("must be at least 3")]
    MinPairs,
    /// A class id outside `a-z 0-9 _`.
    #[error("ids use only a-z, 0-9 and _")]
    BadId,
    /// A class id given twice.
    #[error("duplicate id")]
    DuplicateId,
    /// A σ outside [0, 100].
    #[error("must be a number within [0, 100]")]
    SigmaRange,
    /// A member that is not an indicator of the plan.
    #[error("unknown indicator `{0}`")]
    UnknownIndicator(String),
    /// A member without a slider.
    #[error("`{0}` has no slider")]
    NoSlider(String),
    /// A member whose slider mode differs from its class's.
    #[error("`{0}` has a slider of another mode than the class")]
    OtherMode(String),
    /// A member of two classes.
    #[error("`{0}` is in two classes")]
    TwoClasses(String),
    /// A slider in no class, or an estimate for one.
    #[error("`{0}` is in no class")]
    NoClass(String),
    /// An estimate given twice.
    #[error("duplicate estimate")]
    DuplicateEstimate,
    /// An estimate from fewer observations than the rule needs.
    #[error("the rule estimates from at least {0} observations")]
    TooFewObservations(usize),
    /// A correlation for something that is not a ratio.
    #[error("`{0}` is not a ratio")]
    NotRatio(String),
    /// A ratio's correlation given twice.
    #[error("duplicate ratio")]
    DuplicateRatio,
    /// A ρ outside [-1, 1].
    #[error("must be a number within [-1, 1]")]
    RhoRange,
    /// A ρ not estimated by the rule, without its reasoning.
    #[error("a ρ not estimated by the rule needs its reasoning")]
    NeedsReasoning,
    /// A ratio without a correlation.
    #[error("ratio `{0}` has no ρ")]
    RatioWithoutRho(String),
    /// ρs that together are no valid correlation matrix.
    #[error("these ρ together are not a valid correlation matrix")]
    NotCorrelationMatrix,
}

impl Spec {
    /// The rule, in words.
    pub fn rule(&self) -> &Text {
        &self.rule
    }
    /// The fewest growth observations from which the rule estimates `σ`.
    pub fn min_observations(&self) -> usize {
        self.min_observations
    }
    /// The fewest paired observations from which the rule estimates `ρ`.
    pub fn min_pairs(&self) -> usize {
        self.min_pairs
    }
    /// The classes, in file order.
    pub fn classes(&self) -> &[Class] {
        &self.classes
    }

    /// The `σ` of indicator `id`: its estimate where the rule gave one, else
    /// its class default. `None` for an indicator in no class (a ratio).
    pub fn sigma(&self, id: &str) -> Option<Sigma<'_>> {
        let class = self
            .classes
            .iter()
            .find(|c| c.indicators.iter().any(|i| i == id))?;
        Some(match self.estimates.iter().find(|e| e.id == id) {
            Some(e) => Sigma {
                value: e.sigma,
                mode: class.mode,
                source: SigmaSource::Estimated {
                    observations: e.observations,
                    period: &e.period,
                },
            },
            None => Sigma {
                value: class.sigma,
                mode: class.mode,
                source: SigmaSource::Class(class),
            },
        })
    }

    /// The `ρ` of ratio `id`.
    pub fn rho(&self, id: &str) -> Option<Rho<'_>> {
        let c = self.correlations.iter().find(|c| c.ratio == id)?;
        Some(Rho {
            value: c.rho,
            pairs: c.pairs,
            estimated: c.pairs >= self.min_pairs,
            reasoning: c.reasoning.as_ref(),
        })
    }

    /// `(numerator, denominator, ρ)` of every ratio with a `ρ`.
    fn edges<'p>(&self, plan: &'p PlanSpec) -> Vec<(&'p str, &'p str, f64)> {
        self.correlations
            .iter()
            .filter_map(|c| {
                let (n, d) = ratio_parts(plan.indicator(&c.ratio)?)?;
                Some((n, d, c.rho))
            })
            .collect()
    }

    /// The correlation of two indicators' annual growth: `ρ` of a ratio that
    /// joins them; for two indicators each joined to a third (two numerators
    /// over one denominator) the product of their `ρ`, since they move
    /// together only through it; else 0.
    fn correlation(edges: &[(&str, &str, f64)], a: &str, b: &str) -> f64 {
        if a == b {
            return 1.0;
        }
        let link = |x: &str, y: &str| {
            edges
                .iter()
                .find(|(n, d, _)| (*n == x && *d == y) || (*n == y && *d == x))
                .map(|e| e.2)
        };
        if let Some(r) = link(a, b) {
            return r;
        }
        let neighbours = edges.iter().flat_map(|(n, d, _)| [*n, *d]);
        for c in neighbours {
            if let (Some(x), Some(y)) = (link(a, c), link(b, c)) {
                return x * y;
            }
        }
        0.0
    }

    /// Checks the block against its plan; called by the plan loader.
    ///
    /// # Errors
    /// A [`PlanError`] whose path starts `uncertainty.` for: thresholds below
    /// 2 observations or 3 pairs; a class id that is not `a-z 0-9 _` or is
    /// repeated; a `σ` that is not within [0, 100]; a member that is unknown,
    /// has no slider, has another slider mode, or is in two classes; a slider
    /// in no class; an estimate for an indicator in no class, from fewer than
    /// `min_observations`, or repeated; a `ρ` outside [-1, 1], of something not
    /// a ratio, repeated, missing for a ratio, or without reasoning where it is
    /// not estimated; and `ρ`s that together are no valid correlation matrix.
    pub(crate) fn validate(&self, plan: &PlanSpec) -> Result<(), PlanError> {
        if self.min_observations < 2 {
            return Err(perr(
                "uncertainty.min_observations",
                UncertaintyFault::MinObservations,
            ));
        }
        if self.min_pairs < 3 {
            return Err(perr("uncertainty.min_pairs", UncertaintyFault::MinPairs));
        }
        let sigma_ok = |s: f64| s.is_finite() && (0.0..=100.0).contains(&s);
        let mut member_of: HashMap<&str, usize> = HashMap::new();
        // Ids seen, in the map type the plan's checks use already (issue 10: no set type of its own).
        let mut class_ids: HashMap<&str, usize> = HashMap::new();
        for (ci, c) in self.classes.iter().enumerate() {
            let at = |f: &str| format!("uncertainty.classes[{ci}].{f}");
            let id_ok = !c.id.is_empty()
                && c.id
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !id_ok {
                return Err(perr(at("id"), UncertaintyFault::BadId));
            }
            if class_ids.insert(c.id.as_str(), ci).is_some() {
                return Err(perr(at("id"), UncertaintyFault::DuplicateId));
            }
            if !sigma_ok(c.sigma) {
                return Err(perr(at("sigma"), UncertaintyFault::SigmaRange));
            }
            for (k, id) in c.indicators.iter().enumerate() {
                let here = at(&format!("indicators[{k}]"));
                let Some(ind) = plan.indicator(id) else {
                    return Err(perr(here, UncertaintyFault::UnknownIndicator(id.clone())));
                };
                let Some(slider) = &ind.slider else {
                    return Err(perr(here, UncertaintyFault::NoSlider(id.clone())));
                };
                if slider.mode != c.mode {
                    return Err(perr(here, UncertaintyFault::OtherMode(id.clone())));
                }
                if member_of.insert(id.as_str(), ci).is_some() {
                    return Err(perr(here, UncertaintyFault::TwoClasses(id.clone())));
                }
            }
        }
        if let Some(ind) = plan
            .indicators
            .iter()
            .find(|i| i.slider.is_some() && !member_of.contains_key(i.id.as_str()))
        {
            return Err(perr(
                "uncertainty.classes",
                UncertaintyFault::NoClass(ind.id.clone()),
            ));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, e) in self.estimates.iter().enumerate() {
            let at = |f: &str| format!("uncertainty.estimates[{k}].{f}");
            if !member_of.contains_key(e.id.as_str()) {
                return Err(perr(at("id"), UncertaintyFault::NoClass(e.id.clone())));
            }
            if seen.insert(e.id.as_str(), k).is_some() {
                return Err(perr(at("id"), UncertaintyFault::DuplicateEstimate));
            }
            if !sigma_ok(e.sigma) {
                return Err(perr(at("sigma"), UncertaintyFault::SigmaRange));
            }
            if e.observations < self.min_observations {
                return Err(perr(
                    at("observations"),
                    UncertaintyFault::TooFewObservations(self.min_observations),
                ));
            }
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, c) in self.correlations.iter().enumerate() {
            let at = |f: &str| format!("uncertainty.correlations[{k}].{f}");
            if plan.indicator(&c.ratio).and_then(ratio_parts).is_none() {
                return Err(perr(
                    at("ratio"),
                    UncertaintyFault::NotRatio(c.ratio.clone()),
                ));
            }
            if seen.insert(c.ratio.as_str(), k).is_some() {
                return Err(perr(at("ratio"), UncertaintyFault::DuplicateRatio));
            }
            if !(c.rho.is_finite() && (-1.0..=1.0).contains(&c.rho)) {
                return Err(perr(at("rho"), UncertaintyFault::RhoRange));
            }
            if c.pairs < self.min_pairs && c.reasoning.is_none() {
                return Err(perr(at("reasoning"), UncertaintyFault::NeedsReasoning));
            }
        }
        if let Some(r) = plan
            .indicators
            .iter()
            .find(|i| ratio_parts(i).is_some() && !seen.contains_key(i.id.as_str()))
        {
            return Err(perr(
                "uncertainty.correlations",
                UncertaintyFault::RatioWithoutRho(r.id.clone()),
            ));
        }
        let edges = self.edges(plan);
        let members: Vec<&str> = linked(&edges);
        if cholesky(&corr_matrix(&edges, &members), members.len()).is_none() {
            return Err(perr(
                "uncertainty.correlations",
                UncertaintyFault::NotCorrelationMatrix,
            ));
        }
        Ok(())
    }
}

/// Every indicator that some `ρ` joins to another, in first-seen order.
fn linked<'p>(edges: &[(&'p str, &'p str, f64)]) -> Vec<&'p str> {
    let mut out: Vec<&str> = Vec::new();
    for (n, d, _) in edges {
        for x in [*n, *d] {
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

fn corr_matrix(edges: &[(&str, &str, f64)], members: &[&str]) -> Vec<f64> {
    let k = members.len();
    let mut a = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            a[i * k + j] = Spec::correlation(edges, members[i], members[j]);
        }
    }
    a
}

/// The lower Cholesky factor `L` (row-major, `k × k`) with `L Lᵀ = a`, or
/// `None` where `a` is not positive semi-definite (within
/// [`PSD_SLACK`]).
fn cholesky(a: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let mut s = a[i * k + j];
            for m in 0..j {
                s -= l[i * k + m] * l[j * k + m];
            }
            if i == j {
                if s < -PSD_SLACK {
                    return None;
                }
                l[i * k + i] = s.max(0.0).sqrt();
            } else if l[j * k + j] > 0.0 {
                l[i * k + j] = s / l[j * k + j];
            } else if s.abs() > PSD_SLACK {
                return None;
            }
        }
    }
    Some(l)
}

fn ratio_parts(ind: &Indicator) -> Option<(&str, &str)> {
    match &ind.kind {
        Kind::Ratio {
            numerator,
            denominator,
        } => Some((numerator, denominator)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Scale, thresholds, odds

/// A factor on every `σ` at once: 0 (none), ½, 1 (as estimated), 2 (double),
/// or any value from 0 to [`Scale::MAX`]. Construct with [`Scale::new`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Scale(f64);

impl Scale {
    /// No uncertainty: today's deterministic verdicts.
    pub const NONE: Scale = Scale(0.0);
    /// Half the stated `σ`.
    pub const HALF: Scale = Scale(0.5);
    /// The stated `σ`.
    pub const ESTIMATED: Scale = Scale(1.0);
    /// Twice the stated `σ`.
    pub const DOUBLE: Scale = Scale(2.0);
    /// The four scales the page offers.
    pub const PRESETS: [Scale; 4] = [Scale::NONE, Scale::HALF, Scale::ESTIMATED, Scale::DOUBLE];
    /// The largest scale accepted.
    pub const MAX: f64 = 4.0;

    /// A scale of `v`.
    ///
    /// # Errors
    /// [`UncertaintyError::InvalidScale`] for NaN, a negative value or one
    /// above [`Scale::MAX`].
    pub fn new(v: f64) -> Result<Scale, UncertaintyError> {
        if v.is_finite() && (0.0..=Scale::MAX).contains(&v) {
            Ok(Scale(v))
        } else {
            Err(UncertaintyError::InvalidScale(v))
        }
    }

    /// Its value.
    pub fn value(self) -> f64 {
        self.0
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale::ESTIMATED
    }
}

/// The value at which [`meets`] starts to count `target` as reached:
/// `value − slack` for `gte`, `value + slack` for `gt` (strictly above it),
/// `value − tolerance − slack` for `about`, with the slack of
/// [`crate::core::tolerance::slack`]. `P(hit) = P(V ≥ θ)` (`P(V > θ)` for
/// `gt`, the same for a continuous `V`).
pub fn threshold(target: &Target) -> f64 {
    let s = slack(target.value);
    match target.comparator {
        Comparator::Gte => target.value - s,
        Comparator::Gt => target.value + s,
        Comparator::About => target.value - target.tolerance.unwrap_or(0.0) - s,
    }
}

/// The value the growth for a chance aims at: the target, or for `about`
/// the target less its tolerance (59 for "60%左右").
fn aim(target: &Target) -> f64 {
    match target.comparator {
        Comparator::About => target.value - target.tolerance.unwrap_or(0.0),
        _ => target.value,
    }
}

/// A chance in words: "about k in n", for the page to phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odds {
    /// Exactly 0 (no uncertainty, or a bound that cannot be passed).
    Never,
    /// Below 1 in 1,000.
    UnderOneIn(u32),
    /// About `k` in `n`.
    About(u32, u32),
    /// Above `n − 1` in `n` (`n` = 1,000).
    OverAllButOneIn(u32),
    /// Exactly 1.
    Certain,
}

/// The plain fractions [`odds`] chooses from.
const FRACTIONS: [(u32, u32); 25] = [
    (1, 1000),
    (1, 500),
    (1, 200),
    (1, 100),
    (1, 50),
    (1, 20),
    (1, 10),
    (1, 6),
    (1, 5),
    (1, 4),
    (1, 3),
    (2, 5),
    (1, 2),
    (3, 5),
    (2, 3),
    (3, 4),
    (4, 5),
    (5, 6),
    (9, 10),
    (19, 20),
    (49, 50),
    (99, 100),
    (199, 200),
    (499, 500),
    (999, 1000),
];

/// The plain fraction nearest `p` on the log-odds scale
/// `ln(p / (1 − p))`, from 1 in 1,000 to 999 in 1,000 (e.g. 0.21 → about 1
/// in 5, 0.78 → about 4 in 5); exactly 0 and 1 are [`Odds::Never`] and
/// [`Odds::Certain`]. A NaN gives [`Odds::Never`].
pub fn odds(p: f64) -> Odds {
    if p.is_nan() || p <= 0.0 {
        return Odds::Never;
    }
    if p >= 1.0 {
        return Odds::Certain;
    }
    let logit = |q: f64| (q / (1.0 - q)).ln();
    if p < 0.0005 {
        return Odds::UnderOneIn(1000);
    }
    if p > 0.9995 {
        return Odds::OverAllButOneIn(1000);
    }
    let x = logit(p);
    let (k, n) = FRACTIONS
        .iter()
        .min_by(|a, b| {
            let da = (logit(f64::from(a.0) / f64::from(a.1)) - x).abs();
            let db = (logit(f64::from(b.0) / f64::from(b.1)) - x).abs();
            da.total_cmp(&db)
        })
        .copied()
        .expect("non-empty");
    Odds::About(k, n)
}

fn normal() -> Normal {
    Normal::standard()
}

/// `Φ(x)`, the standard normal distribution function, with `Φ(±∞) = 1, 0`.
fn phi(x: f64) -> f64 {
    if x == f64::INFINITY {
        1.0
    } else if x == f64::NEG_INFINITY || x.is_nan() {
        0.0
    } else {
        normal().cdf(x)
    }
}

/// `Φ⁻¹(p)` for `0 < p < 1`.
fn phi_inv(p: f64) -> f64 {
    normal().inverse_cdf(p)
}

// ---------------------------------------------------------------------------
// Results

/// How a figure was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Without uncertainty (σ = 0): the engine's central path.
    Exact,
    /// A closed form.
    ClosedForm,
    /// A seeded Monte Carlo run of this many draws.
    MonteCarlo {
        /// Number of draws.
        draws: usize,
    },
}

/// The chance that a target is hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chance {
    /// `P(hit)`, in [0, 1].
    pub p: f64,
    /// Its Monte Carlo standard error `√(p(1 − p)/draws)`; 0 in closed form.
    pub standard_error: f64,
    /// How it was computed.
    pub method: Method,
}

/// One of the three central bands of a [`Fan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// The central 50%: quantiles 0.25 to 0.75.
    Half,
    /// The central 80%: 0.10 to 0.90.
    Eighty,
    /// The central 95%: 0.025 to 0.975.
    NinetyFive,
}

impl Band {
    /// Widest first, the order to paint them.
    pub const ALL: [Band; 3] = [Band::NinetyFive, Band::Eighty, Band::Half];

    /// Its coverage: 0.5, 0.8 or 0.95.
    pub fn coverage(self) -> f64 {
        match self {
            Band::Half => 0.5,
            Band::Eighty => 0.8,
            Band::NinetyFive => 0.95,
        }
    }

    fn indices(self) -> (usize, usize) {
        match self {
            Band::NinetyFive => (0, 6),
            Band::Eighty => (1, 5),
            Band::Half => (2, 4),
        }
    }
}

/// Quantiles of an indicator's value year by year: the fan around its
/// central path.
#[derive(Debug, Clone, PartialEq)]
pub struct Fan {
    /// The first year (the baseline year, where every quantile is the baseline).
    pub start: u16,
    /// For each year from `start`, the quantiles at [`FAN_PROBABILITIES`].
    pub quantiles: Vec<[f64; 7]>,
    /// How the quantiles were computed (the least exact year's method).
    pub method: Method,
}

impl Fan {
    /// The quantiles in `year`.
    pub fn at(&self, year: u16) -> Option<&[f64; 7]> {
        self.quantiles
            .get(usize::from(year.checked_sub(self.start)?))
    }

    /// `(low, high)` of `band` in `year`.
    pub fn band(&self, year: u16, band: Band) -> Option<(f64, f64)> {
        let q = self.at(year)?;
        let (lo, hi) = band.indices();
        Some((q[lo], q[hi]))
    }

    /// The median in `year`: the engine's central path wherever a closed
    /// form holds.
    pub fn median(&self, year: u16) -> Option<f64> {
        self.at(year).map(|q| q[3])
    }

    /// `(year, quantiles)` in order.
    pub fn points(&self) -> impl Iterator<Item = (u16, &[f64; 7])> + '_ {
        (self.start..).zip(self.quantiles.iter())
    }
}

/// What a Monte Carlo run of the whole plan says about all targets together.
#[derive(Debug, Clone, PartialEq)]
pub struct Joint {
    /// The targets judged (those with a baseline), in plan order.
    pub ids: Vec<String>,
    /// For each, the share of draws in which it was hit.
    pub hit_rate: Vec<f64>,
    /// The share of draws in which every target was hit.
    pub all: f64,
    /// `count[k]`: the share of draws in which exactly `k` targets were hit.
    pub count: Vec<f64>,
    /// The mean number of targets hit.
    pub expected: f64,
    /// Its standard error (standard deviation of the count / √draws).
    pub expected_standard_error: f64,
    /// Number of draws.
    pub draws: usize,
}

/// A point of a ratio target's trade-off map: for a denominator growth `x`,
/// the numerator growths `y` (each constant, % a year) on three lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TradeoffPoint {
    /// The denominator's growth `x`.
    pub denominator_growth: f64,
    /// Lands exactly on the target value in the target year.
    pub exact: f64,
    /// Lands on the threshold ("60%左右": 59): the central path hits from
    /// here up, and the chance of hitting is 50%. Equal to `exact` for a
    /// target without tolerance.
    pub chance_50: f64,
    /// The chance of hitting is 80%.
    pub chance_80: f64,
}

// ---------------------------------------------------------------------------
// Distributions of one value

/// The distribution of one indicator's value in one year.
#[derive(Debug, Clone, PartialEq)]
enum Dist {
    /// No uncertainty: the engine's value.
    Point(f64),
    /// `ln V ~ N(ln_median, sd²)`, capped at `cap` (a percentage).
    LogNormal {
        ln_median: f64,
        sd: f64,
        cap: Option<f64>,
    },
    /// `V ~ N(mean, sd²)`, held at 0 and capped at `cap`: a percentage
    /// whose bounds do not bind (cap 100), or a level grown additively
    /// (no cap).
    Normal {
        mean: f64,
        sd: f64,
        cap: Option<f64>,
    },
    /// Sorted Monte Carlo draws.
    Empirical(Vec<f64>),
}

impl Dist {
    fn chance(&self, target: &Target, bounded: bool) -> Chance {
        let th = threshold(target);
        let closed = |p: f64| Chance {
            p,
            standard_error: 0.0,
            method: Method::ClosedForm,
        };
        match self {
            Dist::Point(v) => Chance {
                p: if meets(*v, target) { 1.0 } else { 0.0 },
                standard_error: 0.0,
                method: Method::Exact,
            },
            // A percentage is held at 100: it cannot hit a target that 100
            // does not meet (θ > 100, or θ = 100 for a strict target).
            _ if bounded && !meets(100.0, target) => closed(0.0),
            _ if th <= 0.0 => closed(1.0),
            // P(V ≥ θ) = Φ((ln m − ln θ) / s)
            Dist::LogNormal { ln_median, sd, .. } => closed(phi((ln_median - th.ln()) / sd)),
            // P(V ≥ θ) = Φ((μ − θ) / s)
            Dist::Normal { mean, sd, .. } => closed(phi((mean - th) / sd)),
            Dist::Empirical(v) => {
                let n = v.len() as f64;
                let p = v.iter().filter(|x| meets(**x, target)).count() as f64 / n;
                Chance {
                    p,
                    standard_error: (p * (1.0 - p) / n).sqrt(),
                    method: Method::MonteCarlo { draws: v.len() },
                }
            }
        }
    }

    /// The `p`-quantile: `m·e^{s Φ⁻¹(p)}`, `μ + s Φ⁻¹(p)`, or the nearest-rank
    /// draw `v[⌈p n⌉ − 1]`.
    fn quantile(&self, p: f64) -> f64 {
        match self {
            Dist::Point(v) => *v,
            Dist::LogNormal { ln_median, sd, cap } => {
                let v = (ln_median + sd * phi_inv(p)).exp();
                cap.map_or(v, |c| v.min(c))
            }
            Dist::Normal { mean, sd, cap } => {
                let v = (mean + sd * phi_inv(p)).max(0.0);
                cap.map_or(v, |c| v.min(c))
            }
            Dist::Empirical(v) => nearest_rank(v, p),
        }
    }

    fn method(&self) -> Method {
        match self {
            Dist::Point(_) => Method::Exact,
            Dist::Empirical(v) => Method::MonteCarlo { draws: v.len() },
            _ => Method::ClosedForm,
        }
    }
}

/// The nearest-rank `p`-quantile `v[⌈p n⌉ − 1]` of sorted draws `v`.
fn nearest_rank(v: &[f64], p: f64) -> f64 {
    let i = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

// ---------------------------------------------------------------------------
// The sampler: seeded draws of several indicators at chosen years

fn draw_normal(rng: &mut Xoshiro256PlusPlus) -> f64 {
    rng.sample(StandardNormal)
}

/// One year's step of a percentage, as the engine takes it, plus a shock `e`:
/// `v(1 + g/100)e^e` or `v + g + e`, held within [0, 100]. With `e = 0` it is
/// the engine's step bit for bit.
fn bounded_step(relative: bool, v: f64, g: f64, e: f64) -> f64 {
    let next = if relative {
        v * (1.0 + g / 100.0) * e.exp()
    } else {
        v + g + e
    };
    next.clamp(0.0, 100.0)
}

fn shifted(relative: bool, central: f64, s: f64) -> f64 {
    if relative {
        central * s.exp()
    } else {
        central + s
    }
}

#[derive(Debug, Clone)]
struct Step {
    sd: f64,
    central: f64,
    slot: usize,
}

#[derive(Debug, Clone)]
struct Member {
    relative: bool,
    log: bool,
    sigma: f64,
    start: u16,
    /// `(year, central value, slot)`, by year.
    record: Vec<(u16, f64, usize)>,
}

#[derive(Debug, Clone)]
enum Job {
    /// An unbounded indicator: the sum of its shocks is a random walk drawn
    /// only at the years asked for, by increments of `σ√Δ`.
    Walk {
        relative: bool,
        /// Write the log offset `σS` instead of the value (see
        /// [`Outlook::sampler`]).
        log: bool,
        steps: Vec<Step>,
    },
    /// A percentage whose bounds may bind: stepped year by year.
    Bounded {
        relative: bool,
        sigma: f64,
        start: f64,
        growth: Vec<f64>,
        record: Vec<Option<usize>>,
    },
    /// Correlated indicators, drawn together from one event year to the
    /// next (every start and every year asked for): the shocks of `Δ` years
    /// sum to `√Δ L z`, with `L Lᵀ` their correlation matrix.
    Group {
        chol: Vec<f64>,
        members: Vec<Member>,
        events: Vec<u16>,
    },
}

/// Per-draw working space of a [`Job::Group`].
#[derive(Debug, Default)]
struct Scratch {
    z: Vec<f64>,
    sum: Vec<f64>,
    cursor: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
struct Sampler {
    jobs: Vec<Job>,
    slots: Slots,
}

/// Where a sampler writes each (series, year) it draws: slot `k` of the draw's output. Every
/// key is given a slot once, in order; looked up by binary search once all are given (issue 10:
/// a sorted list instead of a `BTreeMap`: one instance fewer of the B-tree code in the wasm).
#[derive(Debug, Clone, Default)]
struct Slots {
    /// `((series, year), slot)`, sorted by key once [`Slots::seal`] is called.
    keys: Vec<((usize, u16), usize)>,
}

impl Slots {
    /// A new slot for `(s, y)`, which must not have one yet.
    fn give(&mut self, s: usize, y: u16) -> usize {
        let n = self.keys.len();
        debug_assert!(self.keys.iter().all(|k| k.0 != (s, y)), "({s}, {y}) twice");
        self.keys.push(((s, y), n));
        n
    }

    /// Sorts the keys for [`Slots::get`]; the slots stay as given.
    fn seal(&mut self) {
        crate::core::order::sort_by_key(&mut self.keys, |k| k.0);
    }

    /// The slot of `(s, y)`, if it was given one.
    fn get(&self, s: usize, y: u16) -> Option<usize> {
        let i = self.keys.binary_search_by(|k| k.0.cmp(&(s, y))).ok()?;
        Some(self.keys[i].1)
    }

    /// The number of slots.
    fn len(&self) -> usize {
        self.keys.len()
    }
}

impl Sampler {
    fn draw(&self, rng: &mut Xoshiro256PlusPlus, out: &mut [f64], scratch: &mut Scratch) {
        for job in &self.jobs {
            match job {
                Job::Walk {
                    relative,
                    log,
                    steps,
                } => {
                    let mut s = 0.0;
                    for st in steps {
                        s += st.sd * draw_normal(rng);
                        out[st.slot] = if *log {
                            s
                        } else {
                            shifted(*relative, st.central, s)
                        };
                    }
                }
                Job::Bounded {
                    relative,
                    sigma,
                    start,
                    growth,
                    record,
                } => {
                    let mut v = *start;
                    for (g, rec) in growth.iter().zip(record) {
                        v = bounded_step(*relative, v, *g, sigma * draw_normal(rng));
                        if let Some(slot) = rec {
                            out[*slot] = v;
                        }
                    }
                }
                Job::Group {
                    chol,
                    members,
                    events,
                } => {
                    let k = members.len();
                    let Scratch { z, sum, cursor } = scratch;
                    z.clear();
                    z.resize(k, 0.0);
                    sum.clear();
                    sum.resize(k, 0.0);
                    cursor.clear();
                    cursor.resize(k, 0);
                    for w in events.windows(2) {
                        let (a, b) = (w[0], w[1]);
                        let root = f64::from(b - a).sqrt();
                        for zj in z.iter_mut() {
                            *zj = draw_normal(rng);
                        }
                        for (i, m) in members.iter().enumerate() {
                            // Δ years of correlated shocks sum to √Δ·L z; a
                            // member not yet started ignores its component.
                            if m.start <= a {
                                let e: f64 = (0..=i).map(|j| chol[i * k + j] * z[j]).sum();
                                sum[i] += m.sigma * root * e;
                            }
                            if let Some(&(y, central, slot)) = m.record.get(cursor[i]) {
                                if y == b {
                                    out[slot] = if m.log {
                                        sum[i]
                                    } else {
                                        shifted(m.relative, central, sum[i])
                                    };
                                    cursor[i] += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The outlook

/// One indicator with a slider and a baseline, as the sampler needs it.
#[derive(Debug, Clone)]
struct Series {
    relative: bool,
    bounded: bool,
    /// Scaled σ in natural units: of the log growth (relative) or in points.
    sigma: f64,
    /// The engine's central path.
    path: Path,
    /// The growth in force in each year after `path.start`.
    growth: Vec<f64>,
    /// The closed form holds: unbounded, or its bounds never come within
    /// [`BOUND_Z`] standard deviations of the central path.
    closed: bool,
}

/// Whether a percentage's central path stays [`BOUND_Z`] standard deviations
/// (`σ√k` after `k` years) inside [0, 100] in every year, and never saturates.
fn within_bounds(relative: bool, path: &Path, sigma: f64) -> bool {
    path.saturated.is_none()
        && path.points().all(|(y, c)| {
            let sd = sigma * f64::from(y - path.start).sqrt();
            if relative {
                c <= 0.0 || c.ln() + BOUND_Z * sd <= 100f64.ln()
            } else {
                c - BOUND_Z * sd >= 0.0 && c + BOUND_Z * sd <= 100.0
            }
        })
}

enum Subject {
    Series(usize),
    Ratio { num: usize, den: usize, rho: f64 },
}

/// The uncertainty around one scenario of a plan: chances, fans, dot plots,
/// futures, joint figures and the growth needed for a chance. Build one per
/// scenario and scale; it runs the engine once.
#[derive(Debug, Clone)]
pub struct Outlook<'a> {
    plan: &'a Plan,
    spec: &'a Spec,
    scenario: &'a Scenario,
    scale: Scale,
    run: Rc<Run>,
    series: Rc<Vec<Option<Series>>>,
    draws: usize,
    seed: u64,
}

/// What [`Outlook::new`] computed for one plan, scenario and scale: the engine's run and each
/// slider's series, shared, so that the same outlook can be made again without running the
/// engine ([`Outlook::again`]; issue 10: the page asks for its figures one part at a time).
#[derive(Debug, Clone)]
pub struct Prepared {
    run: Rc<Run>,
    series: Rc<Vec<Option<Series>>>,
    scale: Scale,
}

impl<'a> Outlook<'a> {
    /// Runs the engine on `scenario` and prepares every indicator's
    /// uncertainty at `scale`, with [`DEFAULT_DRAWS`] and [`DEFAULT_SEED`]
    /// for any Monte Carlo part.
    ///
    /// # Errors
    /// [`UncertaintyError::NoSpec`] when the plan states no uncertainty;
    /// [`UncertaintyError::Model`] when the engine refuses the scenario as a
    /// whole (its horizon). Errors of single indicators are kept for
    /// [`Outlook::chance`] and the others to return.
    pub fn new(
        plan: &'a Plan,
        scenario: &'a Scenario,
        scale: Scale,
    ) -> Result<Outlook<'a>, UncertaintyError> {
        let spec = plan.uncertainty.as_ref().ok_or(UncertaintyError::NoSpec)?;
        let run = run(plan, scenario)?;
        let series = plan
            .indicators
            .iter()
            .zip(&run.outcomes)
            .map(|(ind, o)| {
                let slider = ind.slider.as_ref()?;
                let path = match &o.status {
                    Ok(Status::Projected(p)) => p.clone(),
                    Ok(Status::Assessed(a)) => a.path.clone(),
                    _ => return None,
                };
                let relative = slider.mode == GrowthMode::Relative;
                let stated = spec.sigma(&ind.id).map_or(0.0, |s| s.value);
                let sigma = scale.0 * if relative { stated / 100.0 } else { stated };
                let by_year = growth_by_year(plan, scenario, &ind.id);
                let constant = scenario.growth_of(ind).unwrap_or(slider.default);
                let growth = (path.start + 1..=path.end())
                    .map(|y| by_year.get(&y).copied().unwrap_or(constant))
                    .collect();
                let bounded = ind.kind == Kind::Percent;
                let closed = !bounded || sigma == 0.0 || within_bounds(relative, &path, sigma);
                Some(Series {
                    relative,
                    bounded,
                    sigma,
                    path,
                    growth,
                    closed,
                })
            })
            .collect();
        Ok(Outlook {
            plan,
            spec,
            scenario,
            scale,
            run: Rc::new(run),
            series: Rc::new(series),
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
        })
    }

    /// What this outlook computed of its plan, scenario and scale, for [`Outlook::again`].
    pub fn prepared(&self) -> Prepared {
        Prepared {
            run: self.run.clone(),
            series: self.series.clone(),
            scale: self.scale,
        }
    }

    /// The outlook [`Outlook::new`] gives for `plan`, `scenario` and the scale of `prepared`,
    /// made from `prepared` (which must come from an outlook of that plan and scenario) without
    /// running the engine again; [`DEFAULT_DRAWS`] and [`DEFAULT_SEED`] until
    /// [`Outlook::with_draws`].
    ///
    /// # Errors
    /// [`UncertaintyError::NoSpec`] when the plan states no uncertainty.
    pub fn again(
        plan: &'a Plan,
        scenario: &'a Scenario,
        prepared: &Prepared,
    ) -> Result<Outlook<'a>, UncertaintyError> {
        let spec = plan.uncertainty.as_ref().ok_or(UncertaintyError::NoSpec)?;
        Ok(Outlook {
            plan,
            spec,
            scenario,
            scale: prepared.scale,
            run: prepared.run.clone(),
            series: prepared.series.clone(),
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
        })
    }

    /// The same outlook with `draws` draws and seed `seed` for its Monte
    /// Carlo parts (fewer draws during a slider drag, say).
    ///
    /// # Errors
    /// [`UncertaintyError::NoDraws`] for zero draws.
    pub fn with_draws(mut self, draws: usize, seed: u64) -> Result<Self, UncertaintyError> {
        if draws == 0 {
            return Err(UncertaintyError::NoDraws);
        }
        self.draws = draws;
        self.seed = seed;
        Ok(self)
    }

    /// The engine's run of the scenario (the central paths and verdicts).
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// The scale in force.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// The plan's stated `σ` and `ρ`.
    pub fn spec(&self) -> &'a Spec {
        self.spec
    }

    /// The `σ` in force for `id` (stated × scale), in the slider's unit (see
    /// [`Sigma::value`]); `None` for an indicator without a slider.
    pub fn sigma(&self, id: &str) -> Option<f64> {
        self.spec.sigma(id).map(|s| s.value * self.scale.0)
    }

    fn lookup(&self, id: &str) -> Result<(usize, &'a Indicator), UncertaintyError> {
        let i = self
            .plan
            .index_of(id)
            .ok_or_else(|| UncertaintyError::UnknownIndicator(id.to_string()))?;
        Ok((i, &self.plan.indicators[i]))
    }

    /// The indicator's own status must be a projection.
    fn subject(&self, id: &str) -> Result<(usize, &'a Indicator, Subject), UncertaintyError> {
        let (i, ind) = self.lookup(id)?;
        match &self.run.outcomes[i].status {
            Err(e) => return Err(UncertaintyError::Model(e.clone())),
            Ok(Status::NeedsBaseline) => {
                return Err(UncertaintyError::NeedsBaseline(id.to_string()))
            }
            Ok(_) => {}
        }
        let subject = match ratio_parts(ind) {
            Some((n, d)) => Subject::Ratio {
                num: self.lookup(n)?.0,
                den: self.lookup(d)?.0,
                rho: self.spec.rho(id).map_or(0.0, |r| r.value),
            },
            None => Subject::Series(i),
        };
        Ok((i, ind, subject))
    }

    fn series(&self, i: usize) -> &Series {
        self.series[i]
            .as_ref()
            .expect("a projected indicator with a slider has a series")
    }

    /// The engine's central path of indicator `i`.
    fn central(&self, i: usize) -> &Path {
        match &self.run.outcomes[i].status {
            Ok(Status::Projected(p)) => p,
            Ok(Status::Assessed(a)) => &a.path,
            _ => unreachable!("checked by subject()"),
        }
    }

    /// The standard deviation of `ln(N/D)` in `year`:
    /// `√(k_N σ_N² + k_D σ_D² − 2ρ σ_N σ_D k_both)`, with `k` the years of
    /// shocks each has had and `k_both` the years both have.
    fn ratio_sd(&self, num: usize, den: usize, rho: f64, year: u16) -> f64 {
        let (n, d) = (self.series(num), self.series(den));
        let k = |s: &Series| f64::from(year.saturating_sub(s.path.start));
        let both = f64::from(year.saturating_sub(n.path.start.max(d.path.start)));
        let var =
            k(n) * n.sigma.powi(2) + k(d) * d.sigma.powi(2) - 2.0 * rho * n.sigma * d.sigma * both;
        var.max(0.0).sqrt()
    }

    fn dist(&self, i: usize, subject: &Subject, year: u16) -> Dist {
        match *subject {
            Subject::Series(s) => {
                let se = self.series(s);
                let c = se.path.at(year).expect("within the path");
                let sd = se.sigma * f64::from(year - se.path.start).sqrt();
                if sd == 0.0 {
                    Dist::Point(c)
                } else if !se.closed {
                    Dist::Empirical(self.simulate(s, &[year]).swap_remove(0))
                } else if se.relative {
                    Dist::LogNormal {
                        ln_median: c.ln(),
                        sd,
                        cap: se.bounded.then_some(100.0),
                    }
                } else {
                    Dist::Normal {
                        mean: c,
                        sd,
                        cap: se.bounded.then_some(100.0),
                    }
                }
            }
            Subject::Ratio { num, den, rho } => {
                let sd = self.ratio_sd(num, den, rho, year);
                if sd == 0.0 {
                    return Dist::Point(self.central(i).at(year).expect("within the path"));
                }
                let (n, d) = (self.series(num), self.series(den));
                let nv = n.path.at(year).expect("within the path");
                let dv = d.path.at(year).expect("within the path");
                Dist::LogNormal {
                    ln_median: (100.0 * nv / dv).ln(),
                    sd,
                    cap: Some(100.0),
                }
            }
        }
    }

    /// Sorted Monte Carlo values of series `s` in each of `years` (a bounded
    /// percentage stepped year by year), with the outlook's draws and a seed
    /// derived from its seed and the indicator.
    fn simulate(&self, s: usize, years: &[u16]) -> Vec<Vec<f64>> {
        let sampler = self.sampler(&[(s, years.to_vec())], false, false);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(mix(self.seed, s));
        let mut out = vec![0.0; sampler.slots.len()];
        let mut scratch = Scratch::default();
        let mut cols = vec![Vec::with_capacity(self.draws); years.len()];
        let at: Vec<usize> = years
            .iter()
            .map(|y| {
                sampler
                    .slots
                    .get(s, *y)
                    .expect("a slot for each year asked")
            })
            .collect();
        for _ in 0..self.draws {
            sampler.draw(&mut rng, &mut out, &mut scratch);
            for (col, k) in cols.iter_mut().zip(&at) {
                col.push(out[*k]);
            }
        }
        for col in &mut cols {
            col.sort_by(f64::total_cmp);
        }
        cols
    }

    /// A sampler for series `(index, years)`, the years after each one's
    /// baseline year. With `correlate`, series that some `ρ` joins are drawn
    /// together.
    ///
    /// With `log`, an unbounded relative series writes its log offset `σS`
    /// (`V = C·e^{σS}`) instead of its value, which saves an `exp` per value
    /// where the caller compares in log space.
    fn sampler(&self, wanted: &[(usize, Vec<u16>)], correlate: bool, log: bool) -> Sampler {
        // The years wanted of each series, by series index, sorted and once each.
        let mut want: Vec<Option<Vec<u16>>> = vec![None; self.series.len()];
        for (s, ys) in wanted {
            let start = self.series(*s).path.start;
            want[*s]
                .get_or_insert_with(Vec::new)
                .extend(ys.iter().copied().filter(|y| *y > start));
        }
        for years in want.iter_mut().flatten() {
            crate::core::order::sort_unique(years);
        }
        let mut sampler = Sampler::default();
        let edges = self.spec.edges(self.plan);
        let ids: Vec<&str> = if correlate {
            linked(&edges)
                .into_iter()
                .filter(|id| {
                    self.plan
                        .index_of(id)
                        .is_some_and(|i| want.get(i).is_some_and(Option::is_some))
                })
                .collect()
        } else {
            Vec::new()
        };
        if ids.len() > 1 {
            let chol = cholesky(&corr_matrix(&edges, &ids), ids.len()).expect("validated");
            let mut members = Vec::new();
            let mut events = Vec::new();
            for id in &ids {
                let i = self.plan.index_of(id).expect("linked ids exist");
                let se = self.series(i);
                let years = want[i].take().unwrap_or_default();
                events.push(se.path.start);
                events.extend(years.iter().copied());
                let record = years
                    .iter()
                    .map(|&y| (y, se.path.at(y).expect("within"), sampler.slots.give(i, y)))
                    .collect();
                members.push(Member {
                    relative: se.relative,
                    log: log && se.relative && !se.bounded,
                    sigma: se.sigma,
                    start: se.path.start,
                    record,
                });
            }
            crate::core::order::sort_unique(&mut events);
            sampler.jobs.push(Job::Group {
                chol,
                members,
                events,
            });
        }
        for (s, years) in want
            .into_iter()
            .enumerate()
            .filter_map(|(s, y)| Some((s, y?)))
        {
            let se = self.series(s);
            let Some(&last) = years.last() else { continue };
            if se.closed {
                let mut prev = se.path.start;
                let steps = years
                    .iter()
                    .map(|&y| {
                        let st = Step {
                            sd: se.sigma * f64::from(y - prev).sqrt(),
                            central: se.path.at(y).expect("within"),
                            slot: sampler.slots.give(s, y),
                        };
                        prev = y;
                        st
                    })
                    .collect();
                sampler.jobs.push(Job::Walk {
                    relative: se.relative,
                    log: log && se.relative && !se.bounded,
                    steps,
                });
            } else {
                let n = usize::from(last - se.path.start);
                let record = (se.path.start + 1..=last)
                    .map(|y| {
                        years
                            .binary_search(&y)
                            .is_ok()
                            .then(|| sampler.slots.give(s, y))
                    })
                    .collect();
                sampler.jobs.push(Job::Bounded {
                    relative: se.relative,
                    sigma: se.sigma,
                    start: se.path.values[0],
                    growth: se.growth[..n].to_vec(),
                    record,
                });
            }
        }
        sampler.slots.seal();
        sampler
    }

    /// How [`Outlook::chance`], [`Outlook::fan`] and [`Outlook::dot_plot`]
    /// will answer for `id`, without computing anything: a page can show
    /// closed forms during a slider drag and leave a Monte Carlo run for
    /// after it.
    ///
    /// # Errors
    /// As [`Outlook::fan`].
    pub fn method(&self, id: &str) -> Result<Method, UncertaintyError> {
        let (i, _, subject) = self.subject(id)?;
        let end = self.central(i).end();
        Ok(match subject {
            Subject::Series(s) => {
                let se = self.series(s);
                if se.sigma == 0.0 {
                    Method::Exact
                } else if se.closed {
                    Method::ClosedForm
                } else {
                    Method::MonteCarlo { draws: self.draws }
                }
            }
            Subject::Ratio { num, den, rho } if self.ratio_sd(num, den, rho, end) == 0.0 => {
                Method::Exact
            }
            Subject::Ratio { .. } => Method::ClosedForm,
        })
    }

    /// The chance that `id`'s target is hit in its target year:
    /// `P(V_T ≥ θ)` with `θ` = [`threshold`].
    ///
    /// - relative: `ln V_T ~ N(ln C_T, n σ²)`, so `P = Φ((ln C_T − ln θ)/(σ√n))`,
    ///   where `C_T` is the engine's central value (`B·∏(1 + g_t/100)`, so a
    ///   per-year path is the mean of the sum of log growths) and `n` the
    ///   years since the baseline;
    /// - points, bounds not binding: `P = Φ((C_T − θ)/(σ√n))`;
    /// - ratio: `P = Φ((ln(100 N_T/D_T) − ln θ)/s)`,
    ///   `s² = n(σ_N² + σ_D² − 2ρσ_Nσ_D)`;
    /// - a percentage whose bounds bind: the share of seeded Monte Carlo
    ///   draws that meet the target, with its standard error;
    /// - with no uncertainty (σ = 0 or scale 0): 1 or 0, the engine's verdict.
    ///
    /// # Errors
    /// [`UncertaintyError::UnknownIndicator`], [`UncertaintyError::NoTarget`],
    /// [`UncertaintyError::NeedsBaseline`], or the engine's
    /// [`UncertaintyError::Model`] error for this indicator.
    pub fn chance(&self, id: &str) -> Result<Chance, UncertaintyError> {
        let (i, ind, subject) = self.subject(id)?;
        let target = ind
            .target
            .as_ref()
            .ok_or_else(|| UncertaintyError::NoTarget(id.to_string()))?;
        let bounded = ind.kind != Kind::Level;
        Ok(self.dist(i, &subject, target.year).chance(target, bounded))
    }

    /// The fan of `id`: its quantiles at [`FAN_PROBABILITIES`] in every year
    /// from its baseline year to the horizon (at least the target year).
    /// Closed form `C_t·e^{σ√k Φ⁻¹(p)}` (relative, and ratios with the ratio's
    /// `s`), `C_t + σ√k Φ⁻¹(p)` (points), or the Monte Carlo quantiles of a
    /// percentage whose bounds bind.
    ///
    /// # Errors
    /// As [`Outlook::chance`], except that a driver (no target) has a fan.
    pub fn fan(&self, id: &str) -> Result<Fan, UncertaintyError> {
        let (i, _, subject) = self.subject(id)?;
        let path = self.central(i);
        let years: Vec<u16> = (path.start..=path.end()).collect();
        let mut method = Method::Exact;
        let quantiles = match subject {
            Subject::Series(s) if !self.series(s).closed => {
                let sims = self.simulate(s, &years[1..]);
                method = Method::MonteCarlo { draws: self.draws };
                std::iter::once([path.values[0]; 7])
                    .chain(
                        sims.iter()
                            .map(|v| FAN_PROBABILITIES.map(|p| nearest_rank(v, p))),
                    )
                    .collect()
            }
            _ => years
                .iter()
                .map(|&y| {
                    let d = self.dist(i, &subject, y);
                    if d.method() == Method::ClosedForm {
                        method = Method::ClosedForm;
                    }
                    FAN_PROBABILITIES.map(|p| d.quantile(p))
                })
                .collect(),
        };
        Ok(Fan {
            start: path.start,
            quantiles,
            method,
        })
    }

    /// `dots` equally likely values of `id` in its target year (the horizon
    /// for a driver), for a quantile dot plot: the quantiles at
    /// `p = (j − ½)/dots`, `j = 1..=dots`, in increasing order.
    ///
    /// # Errors
    /// As [`Outlook::fan`]; [`UncertaintyError::NoDraws`] for `dots == 0`.
    pub fn dot_plot(&self, id: &str, dots: usize) -> Result<Vec<f64>, UncertaintyError> {
        if dots == 0 {
            return Err(UncertaintyError::NoDraws);
        }
        let (i, ind, subject) = self.subject(id)?;
        let year = ind
            .target
            .as_ref()
            .map_or(self.scenario.horizon, |t| t.year);
        let d = self.dist(i, &subject, year);
        Ok((1..=dots)
            .map(|j| d.quantile((j as f64 - 0.5) / dots as f64))
            .collect())
    }

    /// `count` individual futures of `id`, year by year from its baseline year
    /// to the horizon (at least the target year), drawn from `seed`: the same
    /// seed gives the same futures, and the first `k` futures do not depend
    /// on `count`, so a class stepping through them sees the same ones. A
    /// ratio draws its numerator and denominator together (correlation `ρ`).
    /// A percentage held at a bound records the first such year.
    ///
    /// # Errors
    /// As [`Outlook::fan`].
    pub fn futures(
        &self,
        id: &str,
        count: usize,
        seed: u64,
    ) -> Result<Vec<Path>, UncertaintyError> {
        let (i, _, subject) = self.subject(id)?;
        let central = self.central(i);
        let years: Vec<u16> = (central.start + 1..=central.end()).collect();
        let wanted = match subject {
            Subject::Series(s) => vec![(s, years.clone())],
            Subject::Ratio { num, den, .. } => vec![(num, years.clone()), (den, years.clone())],
        };
        let sampler = self.sampler(&wanted, true, false);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut out = vec![0.0; sampler.slots.len()];
        let mut scratch = Scratch::default();
        let bounded = !matches!(self.plan.indicators[i].kind, Kind::Level);
        let mut futures = Vec::with_capacity(count);
        for _ in 0..count {
            sampler.draw(&mut rng, &mut out, &mut scratch);
            let value = |s: usize, y: u16| {
                let se = self.series(s);
                if y <= se.path.start {
                    se.path.at(y).expect("within")
                } else {
                    out[sampler.slots.get(s, y).expect("a slot for each year asked")]
                }
            };
            let mut values = vec![central.values[0]];
            let mut saturated = None;
            for &y in &years {
                let v = match subject {
                    Subject::Series(s) if bounded => value(s, y).clamp(0.0, 100.0),
                    Subject::Series(s) => value(s, y),
                    Subject::Ratio { num, den, .. } => {
                        (100.0 * value(num, y) / value(den, y)).clamp(0.0, 100.0)
                    }
                };
                if bounded && saturated.is_none() && (v <= 0.0 || v >= 100.0) {
                    let bound = if v <= 0.0 {
                        Bound::Floor
                    } else {
                        Bound::Ceiling
                    };
                    saturated = Some(Saturation { year: y, bound });
                }
                values.push(v);
            }
            futures.push(Path {
                start: central.start,
                values,
                saturated,
            });
        }
        Ok(futures)
    }

    /// The whole plan, `draws` times from `seed`: every target with a
    /// baseline judged in each draw by [`meets`], with correlated numerators
    /// and denominators; the chance that every target is hit, the
    /// distribution of how many are hit, and the mean number hit.
    ///
    /// # Errors
    /// [`UncertaintyError::NoDraws`] for zero draws. Targets the engine
    /// cannot judge (no baseline, or an error) are left out of `ids`.
    pub fn joint(&self, draws: usize, seed: u64) -> Result<Joint, UncertaintyError> {
        if draws == 0 {
            return Err(UncertaintyError::NoDraws);
        }
        struct Judged<'t> {
            target: &'t Target,
            subject: Subject,
        }
        let mut judged = Vec::new();
        let mut ids = Vec::new();
        let mut wanted: Vec<(usize, Vec<u16>)> = Vec::new();
        for (id, _) in self.run.assessments() {
            let (_, ind, subject) = self.subject(id)?;
            let target = ind.target.as_ref().expect("assessed");
            match subject {
                Subject::Series(s) => wanted.push((s, vec![target.year])),
                Subject::Ratio { num, den, .. } => {
                    wanted.push((num, vec![target.year]));
                    wanted.push((den, vec![target.year]));
                }
            }
            ids.push(id.to_string());
            judged.push(Judged { target, subject });
        }
        let sampler = self.sampler(&wanted, true, true);
        // How each target is judged in a draw, resolved once. The sampler
        // writes log offsets `σS` for unbounded relative series, so a level is
        // judged by `σS ≥ ln(θ/C)` (`>` for a strict target), which is
        // `C·e^{σS} ≥ θ` without an `exp`, and a ratio is
        // `100·C_N/C_D·e^{σS_N − σS_D}`, one `exp`. Without uncertainty the
        // engine's verdict is used as it is.
        #[derive(Clone, Copy)]
        enum Src {
            Slot(usize),
            Zero,
        }
        enum Judge<'t> {
            Fixed(bool),
            Log {
                slot: usize,
                cut: f64,
                strict: bool,
            },
            /// The drawn value, held within [0, `cap`]: 100 for a
            /// percentage, none for a level grown additively.
            Value {
                slot: usize,
                target: &'t Target,
                cap: f64,
            },
            Ratio {
                n: Src,
                d: Src,
                central: f64,
                target: &'t Target,
            },
        }
        let src = |s: usize, y: u16| match sampler.slots.get(s, y) {
            Some(k) => Src::Slot(k),
            None => Src::Zero,
        };
        let judges: Vec<Judge> = judged
            .iter()
            .map(|t| {
                let (target, y) = (t.target, t.target.year);
                match t.subject {
                    Subject::Series(s) => {
                        let se = self.series(s);
                        let c = se.path.at(y).expect("within");
                        let th = threshold(target);
                        match src(s, y) {
                            Src::Slot(slot) if se.sigma > 0.0 => {
                                if !se.relative || se.bounded {
                                    let cap = if se.bounded { 100.0 } else { f64::INFINITY };
                                    Judge::Value { slot, target, cap }
                                } else if th <= 0.0 {
                                    Judge::Fixed(true)
                                } else if c <= 0.0 {
                                    Judge::Fixed(false)
                                } else {
                                    Judge::Log {
                                        slot,
                                        cut: (th / c).ln(),
                                        strict: target.comparator == Comparator::Gt,
                                    }
                                }
                            }
                            _ => Judge::Fixed(meets(c, target)),
                        }
                    }
                    Subject::Ratio { num, den, .. } => {
                        let (n, d) = (self.series(num), self.series(den));
                        let (nv, dv) =
                            (n.path.at(y).expect("within"), d.path.at(y).expect("within"));
                        Judge::Ratio {
                            n: src(num, y),
                            d: src(den, y),
                            central: 100.0 * nv / dv,
                            target,
                        }
                    }
                }
            })
            .collect();
        let get = |s: Src, out: &[f64]| match s {
            Src::Slot(k) => out[k],
            Src::Zero => 0.0,
        };
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut out = vec![0.0; sampler.slots.len()];
        let mut scratch = Scratch::default();
        let k = judged.len();
        let mut hits = vec![0usize; k];
        let mut count = vec![0usize; k + 1];
        let (mut sum, mut sum2) = (0.0, 0.0);
        for _ in 0..draws {
            sampler.draw(&mut rng, &mut out, &mut scratch);
            let mut n = 0;
            for (j, judge) in judges.iter().enumerate() {
                let hit = match judge {
                    Judge::Fixed(h) => *h,
                    Judge::Log { slot, cut, strict } => {
                        let s = out[*slot];
                        if *strict {
                            s > *cut
                        } else {
                            s >= *cut
                        }
                    }
                    Judge::Value { slot, target, cap } => {
                        meets(out[*slot].clamp(0.0, *cap), target)
                    }
                    Judge::Ratio {
                        n,
                        d,
                        central,
                        target,
                    } => {
                        let shift = get(*n, &out) - get(*d, &out);
                        meets((central * shift.exp()).clamp(0.0, 100.0), target)
                    }
                };
                if hit {
                    hits[j] += 1;
                    n += 1;
                }
            }
            count[n] += 1;
            sum += n as f64;
            sum2 += (n * n) as f64;
        }
        let d = draws as f64;
        let expected = sum / d;
        let var = if draws > 1 {
            ((sum2 - d * expected * expected) / (d - 1.0)).max(0.0)
        } else {
            0.0
        };
        Ok(Joint {
            ids,
            hit_rate: hits.iter().map(|h| *h as f64 / d).collect(),
            all: count[k] as f64 / d,
            count: count.iter().map(|c| *c as f64 / d).collect(),
            expected,
            expected_standard_error: (var / d).sqrt(),
            draws,
        })
    }

    /// The expected number of targets hit, `Σ P(hit)` over the targets with
    /// a baseline (each chance as [`Outlook::chance`] gives it), and how many
    /// targets that is.
    pub fn expected_hits(&self) -> (f64, usize) {
        let chances: Vec<f64> = self
            .run
            .assessments()
            .filter_map(|(id, _)| self.chance(id).ok())
            .map(|c| c.p)
            .collect();
        (chances.iter().sum(), chances.len())
    }

    /// The constant growth (slider unit; for a ratio, the numerator's growth
    /// along the denominator's scenario path) at which `id`'s chance of being
    /// hit is `p`, beside the engine's required growth for the central path:
    ///
    /// - relative: `ln(1 + g/100) = (ln(a/B) + Φ⁻¹(p) σ√n)/n`;
    /// - points: `g = (a − B + Φ⁻¹(p) σ√n)/n`, where bounds do not bind;
    /// - ratio: `ln(1 + g/100) = (ln(a/100 · D_T/N_0) + Φ⁻¹(p) s)/n_N`;
    /// - a percentage whose bounds bind: bisection on a seeded Monte Carlo
    ///   estimate with the same draws at every growth (monotone in `g`);
    ///
    /// with `a` the target (less its tolerance for `about`) and `B` the
    /// baseline. With no uncertainty it is the growth that reaches `a` (just
    /// above it for `>`). `Ok(None)` where no growth gives that chance (a
    /// target above 100%, a zero baseline).
    ///
    /// # Errors
    /// [`UncertaintyError::InvalidProbability`] for `p` outside (0, 1), and
    /// as [`Outlook::chance`].
    pub fn growth_for_chance(&self, id: &str, p: f64) -> Result<Option<f64>, UncertaintyError> {
        if !(p > 0.0 && p < 1.0) {
            return Err(UncertaintyError::InvalidProbability(p));
        }
        let (_, ind, subject) = self.subject(id)?;
        let target = ind
            .target
            .as_ref()
            .ok_or_else(|| UncertaintyError::NoTarget(id.to_string()))?;
        let a = aim(target);
        let bounded = ind.kind != Kind::Level;
        // A percentage is held at 100: no growth hits a target that 100
        // does not meet.
        if bounded && !meets(100.0, target) {
            return Ok(None);
        }
        let z = phi_inv(p);
        let finish = |g: Option<f64>, sd: f64| match g {
            Some(g) if sd == 0.0 => Some(growth_to_hit(g, target)),
            g => g,
        };
        match subject {
            Subject::Ratio { num, den, rho } => {
                let n = self.series(num);
                let dv = self.series(den).path.at(target.year).expect("within");
                let sd = self.ratio_sd(num, den, rho, target.year);
                let years = f64::from(target.year - n.path.start);
                let g = relative_growth(n.path.values[0], a / 100.0 * dv, z * sd, years);
                Ok(finish(g, sd))
            }
            Subject::Series(s) => {
                let se = self.series(s);
                let years = f64::from(target.year - se.path.start);
                let sd = se.sigma * years.sqrt();
                let b = se.path.values[0];
                let g = if se.relative {
                    relative_growth(b, a, z * sd, years)
                } else {
                    Some((a - b + z * sd) / years)
                };
                let g = finish(g, sd);
                match g {
                    Some(g) if se.bounded && sd > 0.0 && !self.closed_at(id, s, g)? => {
                        Ok(self.bisect(s, target, p, g))
                    }
                    g => Ok(g),
                }
            }
        }
    }

    /// Whether series `s` at constant growth `g` keeps clear of its bounds.
    fn closed_at(&self, id: &str, s: usize, g: f64) -> Result<bool, UncertaintyError> {
        let mut sc = self.scenario.clone();
        sc.growth.insert(id.to_string(), g);
        sc.paths.remove(id);
        let se = self.series(s);
        Ok(match project(self.plan, &sc, id)? {
            Some(path) => within_bounds(se.relative, &path, se.sigma),
            None => false,
        })
    }

    /// The least constant growth at which at least a share `p` of seeded
    /// draws of bounded series `s` meet `target`, searched from `guess`.
    fn bisect(&self, s: usize, target: &Target, p: f64, guess: f64) -> Option<f64> {
        let se = self.series(s);
        let n = usize::from(target.year - se.path.start);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(mix(self.seed, s));
        let shocks: Vec<f64> = (0..self.draws * n)
            .map(|_| se.sigma * draw_normal(&mut rng))
            .collect();
        let need = (p * self.draws as f64).ceil() as usize;
        let hits = |g: f64| {
            shocks
                .chunks(n)
                .filter(|e| {
                    let v = e.iter().fold(se.path.values[0], |v, e| {
                        bounded_step(se.relative, v, g, *e)
                    });
                    meets(v, target)
                })
                .count()
                >= need
        };
        let (floor, ceil) = if se.relative {
            (-100.0, 1e4)
        } else {
            (-200.0, 200.0)
        };
        let (mut lo, mut hi) = ((guess - 1.0).max(floor), (guess + 1.0).min(ceil));
        let mut width = 1.0;
        while !hits(hi) {
            if hi >= ceil {
                return None;
            }
            lo = hi;
            width *= 2.0;
            hi = (guess + width).min(ceil);
        }
        width = 1.0;
        while hits(lo) {
            if lo <= floor {
                return Some(floor);
            }
            hi = lo;
            width *= 2.0;
            lo = (guess - width).max(floor);
        }
        while hi - lo > GROWTH_BISECT {
            let mid = 0.5 * (lo + hi);
            if hits(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }
}

/// The growth `g` (% a year) with `ln(1 + g/100) = (ln(to/from) + shift)/years`;
/// −100 for `to` = 0 (only emptying reaches 0, and every growth reaches a
/// target of 0). `None` for a baseline at or below 0, a negative `to`, or no
/// years.
fn relative_growth(from: f64, to: f64, shift: f64, years: f64) -> Option<f64> {
    if from <= 0.0 || to < 0.0 || years <= 0.0 {
        return None;
    }
    let g = ((((to / from).ln() + shift) / years).exp_m1()) * 100.0;
    g.is_finite().then_some(g)
}

/// A seed for indicator `i` derived from `seed` (golden-ratio increments).
fn mix(seed: u64, i: usize) -> u64 {
    seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

// ---------------------------------------------------------------------------
// The trade-off map of a ratio target

fn check_relative(g: f64) -> Result<f64, UncertaintyError> {
    if g.is_finite() && g > -100.0 {
        Ok(g)
    } else {
        Err(UncertaintyError::InvalidGrowth(g))
    }
}

struct RatioSetup<'p> {
    target: &'p Target,
    n0: f64,
    d0: f64,
    kn: f64,
    kd: f64,
    sd: f64,
}

fn ratio_setup<'p>(
    plan: &'p Plan,
    ratio_id: &str,
    scale: Scale,
) -> Result<RatioSetup<'p>, UncertaintyError> {
    let spec = plan.uncertainty.as_ref().ok_or(UncertaintyError::NoSpec)?;
    let ind = plan
        .indicator(ratio_id)
        .ok_or_else(|| UncertaintyError::UnknownIndicator(ratio_id.to_string()))?;
    let (n, d) = ratio_parts(ind).ok_or_else(|| UncertaintyError::NotARatio(ratio_id.into()))?;
    let target = ind
        .target
        .as_ref()
        .ok_or_else(|| UncertaintyError::NoTarget(ratio_id.to_string()))?;
    let part = |id: &str| {
        let ind = plan.indicator(id).expect("validated ratio part");
        let b = ind
            .baseline
            .as_ref()
            .expect("validated: parts have baselines");
        let sigma = spec.sigma(id).map_or(0.0, |s| s.value) / 100.0 * scale.0;
        (b.value, b.year, sigma)
    };
    let ((n0, yn, sn), (d0, yd, sd)) = (part(n), part(d));
    let rho = spec.rho(ratio_id).map_or(0.0, |r| r.value);
    let k = |y: u16| f64::from(target.year.saturating_sub(y));
    let var = k(yn) * sn * sn + k(yd) * sd * sd - 2.0 * rho * sn * sd * k(yn.max(yd));
    Ok(RatioSetup {
        target,
        n0,
        d0,
        kn: k(yn),
        kd: k(yd),
        sd: var.max(0.0).sqrt(),
    })
}

/// For ratio `ratio_id` and a constant denominator growth `x` (% a year),
/// the constant numerator growths `y` on which the target is hit exactly, on
/// which the chance is 50% (the threshold: the edge of the region where the
/// central path hits) and 80%:
/// `ln(1 + y/100) = (ln(a/100 · D_0(1 + x/100)^{n_D} / N_0) + Φ⁻¹(p) s)/n_N`,
/// with `a` the target (`exact`) or the target less its tolerance, `s` the
/// ratio's log standard deviation at `scale`. The region above the
/// `chance_50` line is where the target is hit.
///
/// # Errors
/// [`UncertaintyError::NoSpec`], [`UncertaintyError::UnknownIndicator`],
/// [`UncertaintyError::NotARatio`], [`UncertaintyError::NoTarget`], or
/// [`UncertaintyError::InvalidGrowth`] for `x` not above -100%.
pub fn tradeoff(
    plan: &Plan,
    ratio_id: &str,
    x: f64,
    scale: Scale,
) -> Result<TradeoffPoint, UncertaintyError> {
    let x = check_relative(x)?;
    let r = ratio_setup(plan, ratio_id, scale)?;
    let dt = r.d0 * (1.0 + x / 100.0).powf(r.kd);
    let line = |a: f64, p: f64| {
        let shift = if r.sd == 0.0 { 0.0 } else { phi_inv(p) * r.sd };
        relative_growth(r.n0, a / 100.0 * dt, shift, r.kn).ok_or(UncertaintyError::InvalidGrowth(x))
    };
    let exact = line(r.target.value, 0.5)?;
    let chance_50 = line(aim(r.target), 0.5)?;
    let mut chance_80 = line(aim(r.target), 0.8)?;
    if r.sd == 0.0 {
        chance_80 = growth_to_hit(chance_50, r.target);
    }
    Ok(TradeoffPoint {
        denominator_growth: x,
        exact,
        chance_50,
        chance_80,
    })
}

/// The chance that ratio `ratio_id` hits its target when its denominator
/// grows at a constant `x` and its numerator at a constant `y` (% a year):
/// `Φ((ln(100 N_0(1 + y/100)^{n_N} / (D_0(1 + x/100)^{n_D})) − ln θ)/s)`, or
/// the verdict of the central value where `s = 0`. For shading the map.
///
/// # Errors
/// As [`tradeoff`], and [`UncertaintyError::InvalidGrowth`] for `y`.
pub fn tradeoff_chance(
    plan: &Plan,
    ratio_id: &str,
    x: f64,
    y: f64,
    scale: Scale,
) -> Result<f64, UncertaintyError> {
    let (x, y) = (check_relative(x)?, check_relative(y)?);
    let r = ratio_setup(plan, ratio_id, scale)?;
    let central =
        100.0 * r.n0 * (1.0 + y / 100.0).powf(r.kn) / (r.d0 * (1.0 + x / 100.0).powf(r.kd));
    let dist = if r.sd == 0.0 {
        Dist::Point(central.clamp(0.0, 100.0))
    } else {
        Dist::LogNormal {
            ln_median: central.ln(),
            sd: r.sd,
            cap: Some(100.0),
        }
    };
    Ok(dist.chance(r.target, true).p)
}

// ---------------------------------------------------------------------------
// Estimation from reported values

/// One annual growth observation: from one year to the next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    /// The earlier year.
    pub from: u16,
    /// The later year (`from + 1`).
    pub to: u16,
    /// The growth, in the slider's unit: `100 ln(v_to / v_from)` for a
    /// relative slider, `v_to − v_from` for a points slider.
    pub growth: f64,
}

/// What the rule gives for one indicator's `σ`.
#[derive(Debug, Clone, PartialEq)]
pub struct SigmaFromData {
    /// The indicator.
    pub id: String,
    /// Its growth observations, by year.
    pub observations: Vec<Observation>,
    /// The sample standard deviation `√(Σ(x − x̄)²/(m − 1))` of the
    /// observations, where there are at least `min_observations`.
    pub sigma: Option<f64>,
}

/// What the rule gives for one ratio's `ρ`.
#[derive(Debug, Clone, PartialEq)]
pub struct RhoFromData {
    /// The ratio.
    pub ratio: String,
    /// Years in which both numerator and denominator have an observation.
    pub pairs: usize,
    /// The sample (Pearson) correlation of the paired observations, where
    /// there are at least `min_pairs` and neither is constant.
    pub rho: Option<f64>,
}

/// The rule's `σ` for every indicator with a slider, and `ρ` for every ratio.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimates {
    /// In plan order.
    pub sigmas: Vec<SigmaFromData>,
    /// In plan order.
    pub rhos: Vec<RhoFromData>,
}

/// The annual growth observations of `ind` from its baseline and the
/// reported values. Only consecutive years give one; a "more than X" value
/// gives none; where a year was published twice, the growth into it uses the
/// first release (the vintage of the year before) unless that year was
/// itself revised, and the growth out of it uses the revision.
fn observations(ind: &Indicator, reported: &[Reported]) -> Vec<Observation> {
    let Some(slider) = &ind.slider else {
        return Vec::new();
    };
    #[derive(Default, Clone, Copy)]
    struct Year {
        plain: Option<f64>,
        first: Option<f64>,
        revised: Option<f64>,
    }
    // The indicator's rows in year order (stably: a later row of a year and status wins, as
    // it would written in turn), then one `Year` per year (issue 10: no `BTreeMap` of its own).
    let mut mine: Vec<&Reported> = reported.iter().filter(|r| r.indicator == ind.id).collect();
    crate::core::order::sort_by_key(&mut mine, |r| r.year);
    let mut years: Vec<(u16, Year)> = Vec::new();
    for r in mine {
        if years.last().is_none_or(|l| l.0 != r.year) {
            years.push((r.year, Year::default()));
        }
        let y = &mut years.last_mut().expect("pushed").1;
        match r.status {
            ReportStatus::Reported => y.plain = Some(r.value),
            ReportStatus::FirstRelease => y.first = Some(r.value),
            ReportStatus::Revised => y.revised = Some(r.value),
            ReportStatus::LowerBound => {}
        }
    }
    if let Some(b) = &ind.baseline {
        match years.binary_search_by_key(&b.year, |y| y.0) {
            Ok(k) => {
                let y = &mut years[k].1;
                if y.plain.is_none() && y.first.is_none() && y.revised.is_none() {
                    y.plain = Some(b.value);
                }
            }
            Err(k) => years.insert(
                k,
                (
                    b.year,
                    Year {
                        plain: Some(b.value),
                        ..Year::default()
                    },
                ),
            ),
        }
    }
    let mut out = Vec::new();
    for (k, (from, a)) in years.iter().enumerate() {
        let from = *from;
        let Some((_, b)) = years.get(k + 1).filter(|n| n.0 == from + 1) else {
            continue;
        };
        let out_of = a.revised.or(a.plain).or(a.first);
        let into = if a.revised.is_some() {
            b.revised.or(b.plain).or(b.first)
        } else {
            b.first.or(b.plain).or(b.revised)
        };
        let (Some(v0), Some(v1)) = (out_of, into) else {
            continue;
        };
        let growth = match slider.mode {
            GrowthMode::Relative if v0 > 0.0 && v1 > 0.0 => 100.0 * (v1 / v0).ln(),
            GrowthMode::Relative => continue,
            GrowthMode::Points | GrowthMode::Additive => v1 - v0,
        };
        out.push(Observation {
            from,
            to: from + 1,
            growth,
        });
    }
    out
}

fn sample_sd(x: &[f64]) -> f64 {
    let m = x.len() as f64;
    let mean = x.iter().sum::<f64>() / m;
    (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (m - 1.0)).sqrt()
}

fn sample_corr(x: &[f64], y: &[f64]) -> Option<f64> {
    let m = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / m, y.iter().sum::<f64>() / m);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Applies the plan's rule to `reported` values: for every indicator with a
/// slider its annual growth observations and, from at least
/// `min_observations` of them, `σ` = their sample standard deviation; for
/// every ratio the years in which both parts have one and, from at least
/// `min_pairs`, `ρ` = their sample correlation.
///
/// # Errors
/// [`UncertaintyError::NoSpec`] when the plan states no rule.
pub fn estimate(plan: &Plan, reported: &[Reported]) -> Result<Estimates, UncertaintyError> {
    let spec = plan.uncertainty.as_ref().ok_or(UncertaintyError::NoSpec)?;
    let sigmas: Vec<SigmaFromData> = plan
        .indicators
        .iter()
        .filter(|i| i.slider.is_some())
        .map(|ind| {
            let observations = observations(ind, reported);
            let g: Vec<f64> = observations.iter().map(|o| o.growth).collect();
            SigmaFromData {
                id: ind.id.clone(),
                sigma: (g.len() >= spec.min_observations).then(|| sample_sd(&g)),
                observations,
            }
        })
        .collect();
    let obs_of = |id: &str| {
        sigmas
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.observations.clone())
            .unwrap_or_default()
    };
    let rhos = plan
        .indicators
        .iter()
        .filter_map(|ind| {
            let (n, d) = ratio_parts(ind)?;
            let (on, od) = (obs_of(n), obs_of(d));
            let (x, y): (Vec<f64>, Vec<f64>) = on
                .iter()
                .filter_map(|a| {
                    od.iter()
                        .find(|b| b.from == a.from)
                        .map(|b| (a.growth, b.growth))
                })
                .unzip();
            Some(RhoFromData {
                ratio: ind.id.clone(),
                pairs: x.len(),
                rho: if x.len() >= spec.min_pairs {
                    sample_corr(&x, &y)
                } else {
                    None
                },
            })
        })
        .collect();
    Ok(Estimates { sigmas, rhos })
}

#[cfg(test)]
#[path = "uncertainty_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "uncertainty_rules_tests.rs"]
mod rules_tests;
