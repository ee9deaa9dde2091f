//! A ratio target's trade-off map (issue 8), on any plotters backend: the
//! denominator's growth across, the numerator's growth up; the line on which
//! the target is hit exactly, the region where it is hit, the lines of a 50%
//! and an 80% chance, and named points (the reader's scenario, presets).

use super::{draw_header, palette, Key, TEXT_PX};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The hit region's fill: Okabe–Ito bluish green, light.
const REGION: RGBColor = RGBColor(214, 239, 230);
/// The 80% line: Okabe–Ito bluish green.
const EIGHTY: RGBColor = RGBColor(0, 158, 115);
/// Most tick labels on each axis.
const LABELS: usize = 9;
/// The 50% line, dashed: dark grey.
const FIFTY: RGBColor = RGBColor(77, 77, 77);
/// Preset points: Okabe–Ito reddish purple.
const PRESET: RGBColor = RGBColor(204, 121, 167);

/// A named point on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// Its label, drawn beside it.
    pub label: String,
    /// `(denominator growth, numerator growth)`.
    pub at: (f64, f64),
    /// The reader's own point (drawn large, in the path's colour).
    pub reader: bool,
}

/// What the map shows; all text comes in already translated.
#[derive(Debug, Clone, PartialEq)]
pub struct TradeoffSpec {
    /// Axis captions.
    pub x_label: String,
    pub y_label: String,
    /// The axes' ranges.
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// `(x, y)` along each line.
    pub exact: Vec<(f64, f64)>,
    pub chance_50: Vec<(f64, f64)>,
    pub chance_80: Vec<(f64, f64)>,
    /// Legend text for the lines and the region.
    pub exact_label: String,
    pub chance_50_label: String,
    pub chance_80_label: String,
    pub region_label: String,
    /// Named points.
    pub points: Vec<MapPoint>,
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

/// Where the plotting area landed, in backend pixels, to turn a click back
/// into growths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left, top, right and bottom edges of the plotting area.
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// The axes' ranges.
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Frame {
    /// The growths `(x, y)` under backend pixel `(px, py)`, clamped to the axes.
    pub fn value_at(&self, px: f64, py: f64) -> (f64, f64) {
        let fx = ((px - self.left) / (self.right - self.left)).clamp(0.0, 1.0);
        let fy = ((self.bottom - py) / (self.bottom - self.top)).clamp(0.0, 1.0);
        (
            self.x.0 + fx * (self.x.1 - self.x.0),
            self.y.0 + fy * (self.y.1 - self.y.0),
        )
    }
}

fn finite(v: &[(f64, f64)]) -> Vec<(f64, f64)> {
    v.iter()
        .copied()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .collect()
}

/// Draws `spec` onto `area` and says where the plotting area is.
///
/// # Errors
/// Whatever the backend reports while drawing.
pub fn draw_tradeoff<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &TradeoffSpec,
) -> Result<Frame, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = spec.scale.max(0.5);
    let px = |v: f64| (v * s).round() as u32;
    area.fill(&WHITE)?;
    let ok = |r: (f64, f64)| {
        if r.0.is_finite() && r.1.is_finite() && r.1 - r.0 > 1e-9 {
            r
        } else {
            (0.0, 1.0)
        }
    };
    let (xr, yr) = (ok(spec.x_range), ok(spec.y_range));
    let header = draw_header(
        area,
        "",
        &[
            (spec.region_label.as_str(), Key::Patch(REGION)),
            (spec.exact_label.as_str(), Key::Line(palette::TARGET, 2.0)),
            (spec.chance_50_label.as_str(), Key::Dashed(FIFTY, 1.5)),
            (spec.chance_80_label.as_str(), Key::Line(EIGHTY, 2.0)),
        ],
        s,
    )?;
    let font = super::sans(TEXT_PX * s, FontStyle::Normal);
    // One number format per axis (issue 11).
    let x_dec = super::axis_decimals(xr.0, xr.1, LABELS);
    let y_dec = super::axis_decimals(yr.0, yr.1, LABELS);
    let mut chart = ChartBuilder::on(area)
        .margin_top(header.max(0) as u32)
        .margin_left(px(8.0))
        .margin_bottom(px(6.0))
        .margin_right(px(18.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(xr.0..xr.1, yr.0..yr.1)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(palette::GRID)
        .axis_style(BLACK.mix(0.6))
        .x_desc(spec.x_label.as_str())
        .y_desc(spec.y_label.as_str())
        .x_labels(LABELS)
        .y_labels(LABELS)
        .x_label_formatter(&|x| super::grouped(*x, x_dec))
        .y_label_formatter(&|y| super::grouped(*y, y_dec))
        .label_style(font.clone())
        .axis_desc_style(font)
        .draw()?;
    let c50 = finite(&spec.chance_50);
    if c50.len() > 1 {
        let region: Vec<(f64, f64)> = c50
            .iter()
            .map(|&(x, y)| (x, y.clamp(yr.0, yr.1)))
            .chain([(c50[c50.len() - 1].0, yr.1), (c50[0].0, yr.1)])
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(region, REGION.filled())))?;
    }
    let line = |pts: Vec<(f64, f64)>, c: RGBColor, w: f64| {
        LineSeries::new(pts, ShapeStyle::from(c).stroke_width(px(w)))
    };
    chart.draw_series(line(finite(&spec.exact), palette::TARGET, 2.0))?;
    chart.draw_series(DashedLineSeries::new(
        c50,
        px(6.0),
        px(4.0),
        ShapeStyle::from(FIFTY).stroke_width(px(1.5)),
    ))?;
    chart.draw_series(line(finite(&spec.chance_80), EIGHTY, 2.0))?;
    for p in spec
        .points
        .iter()
        .filter(|p| p.at.0.is_finite() && p.at.1.is_finite())
    {
        let at = (p.at.0.clamp(xr.0, xr.1), p.at.1.clamp(yr.0, yr.1));
        let (c, r) = if p.reader {
            (palette::PATH, 6.0)
        } else {
            (PRESET, 4.0)
        };
        chart.draw_series(std::iter::once(
            EmptyElement::at(at)
                + Circle::new((0, 0), px(r), c.filled())
                + Text::new(
                    p.label.clone(),
                    // The reader's label above the point, presets' below it,
                    // so that two points close together keep both labels legible.
                    (
                        px(8.0) as i32,
                        if p.reader {
                            -(px(18.0) as i32)
                        } else {
                            px(4.0) as i32
                        },
                    ),
                    super::sans(TEXT_PX * s, FontStyle::Normal).color(&c),
                ),
        ))?;
    }
    let (l, t) = chart.backend_coord(&(xr.0, yr.1));
    let (r, b) = chart.backend_coord(&(xr.1, yr.0));
    area.present()?;
    Ok(Frame {
        left: f64::from(l),
        top: f64::from(t),
        right: f64::from(r),
        bottom: f64::from(b),
        x: xr,
        y: yr,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::Plan;
    use crate::core::uncertainty::{tradeoff, Scale};

    fn spec() -> TradeoffSpec {
        let plan = Plan::zhejiang().unwrap();
        let xs: Vec<f64> = (0..=20).map(|k| 3.0 + 0.5 * f64::from(k)).collect();
        let pts: Vec<_> = xs
            .iter()
            .map(|&x| tradeoff(&plan, "de_share", x, Scale::ESTIMATED).unwrap())
            .collect();
        TradeoffSpec {
            x_label: "GDP growth".into(),
            y_label: "digital economy growth".into(),
            x_range: (3.0, 13.0),
            y_range: (5.0, 25.0),
            exact: pts
                .iter()
                .map(|p| (p.denominator_growth, p.exact))
                .collect(),
            chance_50: pts
                .iter()
                .map(|p| (p.denominator_growth, p.chance_50))
                .collect(),
            chance_80: pts
                .iter()
                .map(|p| (p.denominator_growth, p.chance_80))
                .collect(),
            exact_label: "exactly 60%".into(),
            chance_50_label: "50% chance".into(),
            chance_80_label: "80% chance".into(),
            region_label: "hit".into(),
            points: vec![
                MapPoint {
                    label: "you".into(),
                    at: (7.0, 12.5),
                    reader: true,
                },
                MapPoint {
                    label: "reported pace".into(),
                    at: (8.7, 12.7),
                    reader: false,
                },
            ],
            scale: 1.0,
        }
    }

    fn svg(spec: &TradeoffSpec) -> (String, Frame) {
        let mut out = String::new();
        let frame = {
            let area = super::super::svg_backend(&mut out, (640, 400)).into_drawing_area();
            draw_tradeoff(&area, spec).unwrap()
        };
        (out, frame)
    }

    #[test]
    fn the_map_draws_lines_region_and_points() {
        let (svg, frame) = svg(&spec());
        for word in [
            "exactly 60%",
            "50% chance",
            "80% chance",
            "hit",
            "you",
            "reported pace",
        ] {
            assert!(svg.contains(word), "{word}");
        }
        assert!(svg.matches("<polygon").count() >= 1, "the hit region");
        assert!(frame.left < frame.right && frame.top < frame.bottom);
    }

    #[test]
    fn a_click_maps_back_to_the_growths_under_it() {
        let (_, f) = svg(&spec());
        let (x, y) = f.value_at(f.left, f.bottom);
        assert!((x - 3.0).abs() < 1e-9 && (y - 5.0).abs() < 1e-9);
        let (x, y) = f.value_at((f.left + f.right) / 2.0, (f.top + f.bottom) / 2.0);
        assert!((x - 8.0).abs() < 1e-9 && (y - 15.0).abs() < 1e-9);
        assert_eq!(f.value_at(-100.0, 1e6), (3.0, 5.0), "clamped");
    }

    #[test]
    fn degenerate_maps_still_draw() {
        let s = TradeoffSpec {
            x_range: (f64::NAN, 1.0),
            y_range: (2.0, 2.0),
            exact: vec![(f64::NAN, 1.0)],
            chance_50: vec![],
            chance_80: vec![(1.0, f64::INFINITY)],
            ..spec()
        };
        svg(&s);
    }
}
