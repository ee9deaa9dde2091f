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
