//! Charts of an indicator's path against its target, drawn on any plotters
//! backend: canvas in the page, SVG for export, a string in native tests.

pub mod dots;
pub mod tradeoff;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// Okabe–Ito colours, safe for colour-blind readers.
pub mod palette {
    use plotters::style::RGBColor;
    /// The projected path.
    pub const PATH: RGBColor = RGBColor(0, 114, 178);
    /// The target line and marker.
    pub const TARGET: RGBColor = RGBColor(213, 94, 0);
    /// Reported values.
    pub const REPORTED: RGBColor = RGBColor(0, 0, 0);
    /// The reference scenario's path, dashed (issue 7).
    pub const REFERENCE: RGBColor = RGBColor(0, 158, 115);
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
    /// Uncertainty bands around the path (issue 8): `(year, [(low, high); 3])`
    /// for the 95%, 80% and 50% bands, widest first; empty for none.
    pub bands: Vec<(u16, [(f64, f64); 3])>,
    /// Legend text for the bands.
    pub bands_label: String,
    /// `(year, value)` of the reference scenario's path (issue 7), drawn
    /// dashed; empty for none.
    pub reference: Vec<(u16, f64)>,
    /// Legend text for the reference path: the reference's name.
    pub reference_label: String,
}

/// Fills of the 95%, 80% and 50% bands: light, nested, under the path (issue 8).
const BAND_FILLS: [RGBColor; 3] = [
    RGBColor(224, 236, 246),
    RGBColor(196, 220, 239),
    RGBColor(160, 198, 229),
];

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
        .chain(spec.reference.iter().map(|p| p.1))
        .chain(
            spec.bands
                .iter()
                .flat_map(|b| b.1.iter().flat_map(|r| [r.0, r.1])),
        )
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
        .chain(spec.reference.iter().map(|p| p.0))
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
        // `2.50e7` → `2.5e7`, `1.00e300` → `1e300`: short enough for the axis.
        let s = format!("{y:.2e}");
        match s.split_once('e') {
            Some((m, e)) if m.contains('.') => {
                format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => s,
        }
    } else {
        crate::i18n::fmt_num(y)
    }
}

/// Draws `spec` onto `area`. Wrap the backend in [`Measured`] so that text
/// is laid out the same on every backend, without measuring it in the page.
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
    let mut legend = Vec::new();
    if let Some((ty, tv)) = spec.target.and_then(|(y, v)| Some((y, drawable(v)?))) {
        chart.draw_series(LineSeries::new(
            [(f64::from(first), tv), (f64::from(last), tv)],
            ShapeStyle::from(palette::TARGET).stroke_width(px(1.5)),
        ))?;
        chart.draw_series(std::iter::once(Cross::new(
            (f64::from(ty), tv),
            px(6.0),
            ShapeStyle::from(palette::TARGET).stroke_width(px(2.0)),
        )))?;
        legend.push((spec.target_label.as_str(), Key::Line(palette::TARGET, 1.0)));
    }
    for (k, fill) in BAND_FILLS.iter().enumerate() {
        let band: Vec<(f64, f64, f64)> = spec
            .bands
            .iter()
            .filter_map(|(y, b)| Some((f64::from(*y), drawable(b[k].0)?, drawable(b[k].1)?)))
            .collect();
        if band.len() > 1 {
            let outline = band
                .iter()
                .map(|b| (b.0, b.1))
                .chain(band.iter().rev().map(|b| (b.0, b.2)));
            chart.draw_series(std::iter::once(Polygon::new(
                outline.collect::<Vec<_>>(),
                fill.filled(),
            )))?;
        }
    }
    if spec.bands.len() > 1 {
        legend.push((spec.bands_label.as_str(), Key::Line(BAND_FILLS[1], 8.0)));
    }
    let reference: Vec<(f64, f64)> = spec
        .reference
        .iter()
        .filter_map(|&(y, v)| Some((f64::from(y), drawable(v)?)))
        .collect();
    if !reference.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            reference,
            px(6.0),
            px(4.0),
            ShapeStyle::from(palette::REFERENCE).stroke_width(px(2.0)),
        ))?;
        legend.push((
            spec.reference_label.as_str(),
            Key::Dashed(palette::REFERENCE, 2.0),
        ));
    }
    chart.draw_series(LineSeries::new(
        spec.path
            .iter()
            .filter_map(|&(y, v)| Some((f64::from(y), drawable(v)?))),
        ShapeStyle::from(palette::PATH).stroke_width(px(2.5)),
    ))?;
    legend.push((spec.path_label.as_str(), Key::Line(palette::PATH, 2.5)));
    let reported: Vec<(u16, f64, bool)> = spec
        .reported
        .iter()
        .filter_map(|&(y, v, lower)| Some((y, drawable(v)?, lower)))
        .collect();
    if !reported.is_empty() {
        chart.draw_series(reported.iter().map(|&(y, v, lower)| {
            let at = (f64::from(y), v);
            if lower {
                TriangleMarker::new(at, px(5.0), palette::REPORTED.filled()).into_dyn()
            } else {
                Circle::new(at, px(3.5), palette::REPORTED.filled()).into_dyn()
            }
        }))?;
        legend.push((spec.reported_label.as_str(), Key::Dot(palette::REPORTED)));
    }
    draw_legend(&chart.plotting_area().strip_coord_spec(), &legend, s)?;
    area.present()?;
    Ok(())
}

/// The mark beside a legend entry.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key {
    /// A line of this colour and width (in CSS pixels).
    Line(RGBColor, f64),
    /// A filled dot.
    Dot(RGBColor),
    /// A dashed line of this colour and width (in CSS pixels): two dashes.
    Dashed(RGBColor, f64),
}

/// Draws the legend in the upper left of the plotting area: a translucent
/// box with one row per entry, its mark on the left. Laid out here, with
/// [`text_size`], rather than by plotters' series labels, which measure
/// text through the font (in the browser, a styled `<span>` inserted into
/// the page for every label).
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[(&str, Key)],
    s: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * s).round() as i32;
    let size = 12.0 * s;
    let font = TextStyle::from(("sans-serif", size).into_font()).color(&BLACK);
    let (margin, key_w, inset) = (px(10.0), px(30.0), px(5.0));
    let line_h = size * 1.25;
    let text_h = text_size("Ag", size).1 as i32;
    let text_w = rows
        .iter()
        .map(|(t, _)| text_size(t, size).0 as i32)
        .max()
        .unwrap_or(0);
    let n = rows.len() as i32;
    let h = (line_h * f64::from(n - 1).max(0.0)).round() as i32 + text_h + 2 * margin;
    let w = text_w + key_w + 2 * margin;
    let corners = [(inset, inset), (inset + w, inset + h)];
    area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))?;
    area.draw(&Rectangle::new(corners, BLACK.mix(0.3)))?;
    for (i, (label, key)) in rows.iter().enumerate() {
        let top = inset + margin + (line_h * i as f64).round() as i32;
        let x = inset + margin;
        let mid = top + text_h / 2;
        area.draw(&Text::new(*label, (x + key_w, top), font.clone()))?;
        match *key {
            Key::Line(color, width) => area.draw(&PathElement::new(
                [(x, mid), (x + px(16.0), mid)],
                ShapeStyle::from(color).stroke_width(px(width).max(1) as u32),
            ))?,
            Key::Dashed(color, width) => {
                let style = ShapeStyle::from(color).stroke_width(px(width).max(1) as u32);
                area.draw(&PathElement::new([(x, mid), (x + px(6.0), mid)], style))?;
                area.draw(&PathElement::new(
                    [(x + px(10.0), mid), (x + px(16.0), mid)],
                    style,
                ))?;
            }
            Key::Dot(color) => area.draw(&Circle::new(
                (x + px(8.0), mid),
                px(3.5).max(1) as u32,
                color.filled(),
            ))?,
        }
    }
    Ok(())
}

/// Width and height in pixels of `text` set at `size` pixels in a
/// sans-serif face, estimated from its characters: full-width (CJK) ones are
/// one em, capitals 0.67, narrow ones (`i l . , : ; ' | ! space`) 0.28, wide
/// ones (`m w M W`) 0.85, others 0.55; the height is 1.2 em. The same on
/// every backend, so the SVG export lays out as the page does.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            'A'..='Z' => 0.67,
            c if c.is_ascii() => 0.55,
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 1.0,
            _ => 0.6,
        })
        .sum();
    let size = if size.is_finite() { size.max(0.0) } else { 0.0 };
    ((em * size).ceil() as u32, (1.2 * size).ceil() as u32)
}

/// A backend whose text is measured by [`text_size`] rather than by the
/// backend's font: plotters measures text in the browser by inserting a
/// `<span>` with a `style` attribute into the page for every label, a forced
/// layout each time and an inline style a strict Content-Security-Policy
/// refuses. Everything else is the wrapped backend's.
///
/// ```
/// # use plotters::prelude::*;
/// # use plansim::chart::{draw, Measured, ChartSpec};
/// # fn show(spec: &ChartSpec) {
/// let mut svg = String::new();
/// let area = Measured(SVGBackend::with_string(&mut svg, (480, 260))).into_drawing_area();
/// draw(&area, spec).unwrap();
/// # }
/// ```
pub struct Measured<DB>(pub DB);

impl<DB: DrawingBackend> DrawingBackend for Measured<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        iwh: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, iwh, src)
    }
}

/// Renders `spec` as an SVG document of `width × height` pixels.
///
/// # Errors
/// A message if drawing fails.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let area = Measured(SVGBackend::with_string(&mut out, (width, height))).into_drawing_area();
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
            bands: vec![],
            bands_label: String::new(),
            reference: vec![],
            reference_label: String::new(),
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
    fn the_axis_is_finite_whatever_the_values() {
        // Issue 12: a path at 1.7e308 beside a target of 10000 made the axis
        // end at +inf, and plotters' tick loop never ended.
        let mut s = spec();
        s.path = vec![(2020, 1.7e308), (2025, 1.7e308)];
        s.target = Some((2025, 10000.0));
        for vals in [
            vec![1.7e308, f64::MAX, -f64::MAX],
            vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY],
            vec![1e-300, 1e-300],
            vec![-5.0],
            vec![],
        ] {
            s.reported = vals.iter().map(|&v| (2022, v, false)).collect();
            let (lo, hi) = y_range(&s);
            assert!(is_safe_range(lo, hi), "{vals:?}: {lo}..{hi}");
            assert!(to_svg(&s, 300, 200).is_ok());
        }
        assert!(!is_safe_range(0.0, f64::INFINITY));
        assert!(!is_safe_range(1e20, 1e20 + 1.0), "a span lost in rounding");
    }

    #[test]
    fn huge_and_tiny_ticks_are_short() {
        assert_eq!(tick_label(1e300, 1e300), "1e300");
        assert_eq!(tick_label(2.5e7, 3e7), "2.5e7");
        assert_eq!(tick_label(-1.25e-5, 2e-5), "-1.25e-5");
        assert_eq!(tick_label(0.0, 1e300), "0e0");
        assert_eq!(tick_label(12.5, 20.0), "12.5");
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

    // issue 8
    #[test]
    fn bands_are_drawn_under_the_path_and_widen_the_axis() {
        let plain = spec();
        let banded = ChartSpec {
            bands: plain
                .path
                .iter()
                .map(|&(y, v)| {
                    (
                        y,
                        [(v - 6.0, v + 6.0), (v - 4.0, v + 4.0), (v - 2.0, v + 2.0)],
                    )
                })
                .collect(),
            bands_label: "50/80/95% of futures".into(),
            ..plain.clone()
        };
        let svg = to_svg(&banded, 720, 360).unwrap();
        let plain_svg = to_svg(&plain, 720, 360).unwrap();
        let polygons = |s: &str| s.matches("<polygon").count();
        assert_eq!(polygons(&svg) - polygons(&plain_svg), 3, "three bands");
        assert!(svg.contains("50/80/95% of futures"));
        let (first_band, path) = (
            svg.find("<polygon").unwrap(),
            svg.rfind("<polyline").unwrap(),
        );
        assert!(first_band < path, "bands under the path");
        assert!(y_range(&banded).1 >= 26.0 && y_range(&plain).1 < 26.0);
    }

    // issue 7
    #[test]
    fn the_reference_is_a_dashed_labelled_path_or_nothing() {
        let plain = spec();
        let plain_svg = to_svg(&plain, 720, 360).unwrap();
        let colour = "#009E73";
        assert!(!plain_svg.contains(colour), "no reference, nothing drawn");
        let with = ChartSpec {
            reference: vec![(2020, 6.3), (2023, 9.0), (2025, 30.0)],
            reference_label: "reference: reported pace".into(),
            ..plain.clone()
        };
        let svg = to_svg(&with, 720, 360).unwrap();
        assert!(svg.contains("reference: reported pace"), "legend entry");
        let dashes = svg
            .split("<polyline")
            .skip(1)
            .filter(|p| p.split('>').next().is_some_and(|a| a.contains(colour)))
            .count();
        // A dashed path is many short strokes, plus the legend's two.
        assert!(dashes > 10, "{dashes} strokes in the reference colour");
        assert!(y_range(&with).1 >= 30.0, "the axis holds the reference");
        // Values that cannot be drawn are dropped, not drawn at infinity.
        let odd = ChartSpec {
            reference: vec![(2020, f64::NAN), (2025, f64::INFINITY)],
            ..with
        };
        assert!(to_svg(&odd, 300, 200).is_ok());
    }
}
