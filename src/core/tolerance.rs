//! Every float tolerance of the model, in one place.

/// Relative slack when a projection is compared with a target, so that a
/// projection at exactly the required growth counts as reaching it:
/// `|v - t| <= COMPARE_REL * max(1, |t|)`.
pub const COMPARE_REL: f64 = 1e-9;

/// How close, relative to the target, a projection at the required growth
/// must land; the property tests hold the engine to it.
pub const REQUIRED_HIT_REL: f64 = 1e-9;

/// The slack [`COMPARE_REL`] gives around a target value `t`.
pub fn slack(t: f64) -> f64 {
    COMPARE_REL * t.abs().max(1.0)
}

/// How far past its boundary growth is set to hit a strict (`>`) target.
pub const STRICT_NUDGE: f64 = 1e-6;

/// How many standard deviations a percentage's central path must keep from
/// 0 and 100 in every year for the chance to be computed in closed form
/// (ignoring the bounds); nearer, a Monte Carlo run holds them. Beyond 5
/// standard deviations a bound is passed with probability below 3e-7 a year.
pub const BOUND_Z: f64 = 5.0;

/// Bisection for the growth that gives a chance stops when the bracket is
/// narrower than this, in the slider's unit.
pub const GROWTH_BISECT: f64 = 1e-7;

/// How far below zero a pivot of a correlation matrix's Cholesky
/// factorisation may fall (rounding) before the matrix counts as invalid.
pub const PSD_SLACK: f64 = 1e-12;
