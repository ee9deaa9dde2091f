//! Charts of an indicator's path against its target, drawn on any plotters
//! backend: canvas in the page, SVG for export, a string in native tests.

use plotters::coord::Shift;
use plotters::prelude::*;

/// Okabe–Ito colours, safe for colour-blind readers.
pub mod palette {
    use plotters::style::RGBColor;
    /// The projected path.
    pub const PATH: RGBColor = RGBColor(0, 114, 178);
    /// The target line and marker.
    pub const TARGET: RGBColor = RGBColor(213, 94, 0);
    /// Reported values.
    pub const REPORTED: RGBColor = RGBColor(0, 0, 0);
    /// Grid and axes.
    pub const GRID: RGBColor = RGBColor(220, 220, 220);
}

/// What a chart shows; all text comes in already translated.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Caption naming the values' unit.
    pub y_label: String,
    /// `(year, value)` of the projected path.
    pub path: Vec<(u16, f64)>,
    /// `(year, value)` of the target, drawn as a horizontal line and a marker.
    pub target: Option<(u16, f64)>,
    /// Legend text for the path.
    pub path_label: String,
    /// Legend text for the target.
    pub target_label: String,
    /// Reported values `(year, value, lower_bound)`: dots, or up-triangles
    /// for values published as "more than".
    pub reported: Vec<(u16, f64, bool)>,
    /// Legend text for reported values.
    pub reported_label: String,
    /// Device pixels per CSS pixel; fonts and lines scale with it.
    pub scale: f64,
}

/// Largest magnitude an axis spans. Values beyond it (up to `f64::MAX`) are
/// drawn at this bound, so that headroom, the axis span and plotters' tick
/// arithmetic stay finite: plotters 0.3.7 never leaves its tick loop when
/// handed an infinite or NaN range.
pub const AXIS_LIMIT: f64 = 1e300;

/// Smallest span of an axis, so that a flat path at zero still has ticks.
const MIN_SPAN: f64 = 1e-9;

/// A value as drawn: finite values clamped to ±[`AXIS_LIMIT`], anything
/// else (NaN, ±∞) dropped.
fn drawable(v: f64) -> Option<f64> {
    v.is_finite().then(|| v.clamp(-AXIS_LIMIT, AXIS_LIMIT))
}

/// Whether plotters can compute ticks for `lo..hi` in bounded steps: both
/// ends and the span finite, `lo < hi`, and the span not lost in rounding
/// (at least [`MIN_SPAN`] and a millionth of the larger end).
pub fn is_safe_range(lo: f64, hi: f64) -> bool {
    let span = hi - lo;
    lo.is_finite()
        && hi.is_finite()
        && span.is_finite()
        && span >= MIN_SPAN
        && span >= lo.abs().max(hi.abs()) * 1e-6
}

/// The value axis of `spec`: every drawable value with 8% headroom (at least
/// 2% of the largest value, and [`MIN_SPAN`]), floored at zero when all
/// values are non-negative. Always a range for which [`is_safe_range`]
/// holds, whatever the values: huge, tiny, flat, none, NaN or infinite.
pub fn y_range(spec: &ChartSpec) -> (f64, f64) {
    let vals = spec
        .path
        .iter()
        .map(|p| p.1)
        .chain(spec.reported.iter().map(|r| r.1))
        .chain(spec.target.map(|t| t.1))
        .filter_map(drawable);
    let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs() * 0.02).max(MIN_SPAN);
    let lo = if lo >= 0.0 && lo - pad < 0.0 {
        0.0
    } else {
        lo - pad
    };
    let range = (lo, hi + pad);
    // By construction the range is safe; the check keeps it so if the
    // arithmetic above ever changes.
    if is_safe_range(range.0, range.1) {
        range
    } else {
        (0.0, 1.0)
    }
}

/// The year axis of `spec`: every year of the path, the target and the
/// reported values, at least one year wide.
fn x_range(spec: &ChartSpec) -> (u16, u16) {
    let years = spec
        .path
        .iter()
        .map(|p| p.0)
        .chain(spec.reported.iter().map(|r| r.0))
        .chain(spec.target.map(|t| t.0));
    let (first, last) = years.fold((u16::MAX, u16::MIN), |(a, b), y| (a.min(y), b.max(y)));
    if first > last {
        return (2020, 2025);
    }
    if first == last {
        return match first.checked_add(1) {
            Some(next) => (first, next),
            None => (first - 1, first),
        };
    }
    (first, last)
}

/// Tick label of a value axis spanning up to `magnitude`: the page's number
/// format, or scientific notation where that would be too long or read `0.00`.
fn tick_label(y: f64, magnitude: f64) -> String {
    if magnitude >= 1e7 || (magnitude > 0.0 && magnitude < 0.01) {
        format!("{y:.2e}")
    } else {
        crate::i18n::fmt_num(y)
    }
}

/// Draws `spec` onto `area`.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = if spec.scale.is_finite() {
        spec.scale.clamp(0.5, 8.0)
    } else {
        1.0
    };
    let px = |v: f64| (v * s).round() as u32;
    area.fill(&WHITE)?;
    let (first, last) = x_range(spec);
    let (lo, hi) = y_range(spec);
    let magnitude = lo.abs().max(hi.abs());
    let y_label = |y: &f64| tick_label(*y, magnitude);
    let font = ("sans-serif", 12.0 * s);
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .margin_right(px(18.0))
        .caption(spec.y_label.as_str(), ("sans-serif", 11.0 * s))
        .x_label_area_size(px(24.0))
        .y_label_area_size(px(46.0))
        .build_cartesian_2d(f64::from(first)..f64::from(last), lo..hi)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(palette::GRID)
        .axis_style(BLACK.mix(0.6))
        .x_labels((usize::from(last - first) + 1).min(8))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .y_labels(6)
        .y_label_formatter(&y_label)
        .label_style(font)
        .axis_desc_style(font)
        .draw()?;
    if let Some((ty, tv)) = spec.target.and_then(|(y, v)| Some((y, drawable(v)?))) {
        chart
            .draw_series(LineSeries::new(
                [(f64::from(first), tv), (f64::from(last), tv)],
                ShapeStyle::from(palette::TARGET).stroke_width(px(1.5)),
            ))?
            .label(spec.target_label.as_str())
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + px(16.0) as i32, y)], palette::TARGET)
            });
        chart.draw_series(std::iter::once(Cross::new(
            (f64::from(ty), tv),
            px(6.0),
            ShapeStyle::from(palette::TARGET).stroke_width(px(2.0)),
        )))?;
    }
    chart
        .draw_series(LineSeries::new(
            spec.path
                .iter()
                .filter_map(|&(y, v)| Some((f64::from(y), drawable(v)?))),
            ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
        ))?
        .label(spec.path_label.as_str())
        .legend(move |(x, y)| {
            PathElement::new(
                [(x, y), (x + px(16.0) as i32, y)],
                ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
            )
        });
    let reported: Vec<(u16, f64, bool)> = spec
        .reported
        .iter()
        .filter_map(|&(y, v, lower)| Some((y, drawable(v)?, lower)))
        .collect();
    if !reported.is_empty() {
        chart
            .draw_series(reported.iter().map(|&(y, v, lower)| {
                let at = (f64::from(y), v);
                if lower {
                    TriangleMarker::new(at, px(5.0), palette::REPORTED.filled()).into_dyn()
                } else {
                    Circle::new(at, px(3.5), palette::REPORTED.filled()).into_dyn()
                }
            }))?
            .label(spec.reported_label.as_str())
            .legend(move |(x, y)| {
                Circle::new((x + px(8.0) as i32, y), px(3.5), palette::REPORTED.filled())
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font(font)
        .draw()?;
    area.present()?;
    Ok(())
}

/// Renders `spec` as an SVG document of `width × height` pixels.
///
/// # Errors
/// A message if drawing fails.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&area, spec).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ChartSpec {
        ChartSpec {
            y_label: "万个".into(),
            path: vec![
                (2020, 6.3),
                (2021, 8.0),
                (2022, 10.0),
                (2023, 13.0),
                (2024, 16.0),
                (2025, 20.0),
            ],
            target: Some((2025, 20.0)),
            path_label: "projection".into(),
            target_label: "target 2025".into(),
            reported: vec![(2022, 17.1, true), (2023, 18.0, false)],
            reported_label: "reported".into(),
            scale: 1.0,
        }
    }

    #[test]
    fn svg_has_path_target_and_labels() {
        let svg = to_svg(&spec(), 480, 260).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("万个"), "the unit is on the axis");
        assert!(
            svg.contains("target 2025") && svg.contains("projection") && svg.contains("reported")
        );
        assert!(svg.contains("2020") && svg.contains("2025"), "year ticks");
        assert!(
            svg.contains("rgb(0,114,178)") || svg.contains("#0072B2"),
            "path colour"
        );
        assert!(svg.contains("<circle"), "reported dot");
        assert!(svg.contains("<polygon"), "lower bound as a triangle");
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let mut s = spec();
        s.path = vec![(2020, 5.0)];
        s.target = None;
        s.reported.clear();
        assert!(to_svg(&s, 200, 120).is_ok());
        s.path.clear();
        assert!(to_svg(&s, 200, 120).is_ok());
        s.path = vec![(2020, 0.0), (2025, 0.0)];
        assert!(to_svg(&s, 200, 120).is_ok());
    }

    #[test]
    fn y_range_keeps_zero_floor_and_headroom() {
        let s = spec();
        let (lo, hi) = y_range(&s);
        assert!(lo < 6.3 && lo > 0.0, "{lo}");
        assert!(hi > 20.0);
        let mut z = spec();
        z.path = vec![(2020, 0.5), (2025, 20.0)];
        assert_eq!(y_range(&z).0, 0.0, "no negative axis for positive values");
    }
}
