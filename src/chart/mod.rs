//! Charts of an indicator's path against its target, drawn on any plotters
//! backend: canvas in the page, SVG for export, a string in native tests.

pub mod dots;

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

/// Value range with 8% headroom, always containing zero-width safely.
fn y_range(spec: &ChartSpec) -> (f64, f64) {
    let vals = spec
        .path
        .iter()
        .map(|p| p.1)
        .chain(spec.reported.iter().map(|r| r.1))
        .chain(spec.target.map(|t| t.1))
        .filter(|v| v.is_finite());
    let (lo, hi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(hi.abs() * 0.02).max(1e-9);
    let lo = if lo >= 0.0 && lo - pad < 0.0 {
        0.0
    } else {
        lo - pad
    };
    (lo, hi + pad)
}

/// Draws `spec` onto `area`.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = spec.scale.max(0.5);
    let px = |v: f64| (v * s).round() as u32;
    area.fill(&WHITE)?;
    let first = spec.path.first().map_or(2020, |p| p.0);
    let last = spec.path.last().map_or(2025, |p| p.0).max(first + 1);
    let (lo, hi) = y_range(spec);
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
        .x_labels(usize::from(last - first + 1).min(8))
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .y_labels(6)
        .y_label_formatter(&|y| crate::i18n::fmt_num(*y))
        .label_style(font)
        .axis_desc_style(font)
        .draw()?;
    if let Some((ty, tv)) = spec.target {
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
            spec.path.iter().map(|&(y, v)| (f64::from(y), v)),
            ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
        ))?
        .label(spec.path_label.as_str())
        .legend(move |(x, y)| {
            PathElement::new(
                [(x, y), (x + px(16.0) as i32, y)],
                ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
            )
        });
    if !spec.reported.is_empty() {
        chart
            .draw_series(spec.reported.iter().map(|&(y, v, lower)| {
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
