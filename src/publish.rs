//! What a published view says of itself (issue 11a): the `<iframe>` snippet
//! that works as pasted, the scenario in one sentence, numbers at a
//! slider's precision. Pure, so tested natively; nothing here names a plan.

use crate::core::engine::Scenario;
use crate::core::plan::{GrowthMode, Indicator, Plan, Prices};
use crate::i18n::Lang;

/// The decimals a slider of `step` shows: `0.1` → 1, `0.05` → 2, `1` → 0.
pub fn step_decimals(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// `v` at a slider's precision (the decimals of `step`), never `-0`:
/// `12.4514` with step `0.1` → `12.5`.
pub fn fmt_step(v: f64, step: f64) -> String {
    let d = step_decimals(step);
    let s = format!("{v:.d$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// A number field's value: at the slider's precision (`7` with step `0.1`
/// → `7.0`), with at most two decimals more where the value lies off the
/// slider's grid (a published pace of 8.54, a growth worked out to hit a
/// target: 12.4514 → `12.45`), never `-0`.
pub fn fmt_field(v: f64, step: f64) -> String {
    let d = step_decimals(step);
    let more = d.max(2);
    let s = fmt_step(v, 10f64.powi(-(more as i32)));
    match s.split_once('.') {
        Some((whole, frac)) => {
            let frac = frac.trim_end_matches('0');
            let frac = format!("{frac:0<d$}");
            if frac.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{frac}")
            }
        }
        None => s,
    }
}

/// `fmt_step` with a sign and the trailing zeros trimmed, for sentences:
/// `6.0` → `+6`, `-0.5` → `-0.5`, `0` → `0`.
fn signed_short(v: f64, step: f64) -> String {
    let s = fmt_step(v, step);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "0" || s.starts_with('-') {
        s
    } else {
        format!("+{s}")
    }
}

/// The name used in a sentence: the plan's `short` name, else its name.
pub fn short_name(lang: Lang, ind: &Indicator) -> &str {
    lang.pick(ind.short.as_ref().unwrap_or(&ind.name))
}

/// The sliders a view of `ids` depends on, each once, in plan order.
pub fn sliders_of<'a>(plan: &'a Plan, ids: &[&str]) -> Vec<&'a Indicator> {
    let mut wanted: Vec<&str> = Vec::new();
    for id in ids {
        for i in plan.inputs_of(id) {
            if !wanted.contains(&i.id.as_str()) {
                wanted.push(&i.id);
            }
        }
    }
    plan.indicators
        .iter()
        .filter(|i| i.slider.is_some() && wanted.contains(&i.id.as_str()))
        .collect()
}

/// The scenario of `sliders` in one sentence, from the plan's names and
/// the scenario's growths: `GDP +6%, digital economy +10% a year, nominal`
/// (`年增长：GDP +6%，数字经济 +10%（名义价格）`). Growth in points reads `pp`,
/// additive growth names the indicator's unit; the price basis is said once
/// when every money slider shares it, else after each.
pub fn scenario_sentence(
    plan: &Plan,
    scenario: &Scenario,
    sliders: &[&Indicator],
    lang: Lang,
) -> String {
    let s = lang.s();
    let money: Vec<Prices> = sliders
        .iter()
        .filter_map(|i| i.slider.as_ref().map(|sl| sl.prices))
        .filter(|p| *p != Prices::NotMoney)
        .collect();
    let shared = money
        .first()
        .copied()
        .filter(|p| money.iter().all(|q| q == p));
    let items: Vec<String> = sliders
        .iter()
        .filter_map(|ind| {
            let sl = ind.slider.as_ref()?;
            let g = scenario.growth_of(ind)?;
            let num = signed_short(g, sl.step);
            let unit = match sl.mode {
                GrowthMode::Relative => "%".to_string(),
                GrowthMode::Points => format!(" {}", s.pp_short),
                GrowthMode::Additive => format!(" {}", lang.pick(&ind.unit)),
            };
            let varies = scenario.paths.get(&ind.id).is_some_and(|p| !p.is_empty());
            let own_prices = match (shared, prices_short(lang, sl.prices)) {
                (None, Some(w)) => format!(" ({w})"),
                _ => String::new(),
            };
            let path = if varies { s.sentence_varies } else { "" };
            Some(format!(
                "{} {num}{unit}{own_prices}{path}",
                short_name(lang, ind)
            ))
        })
        .collect();
    let _ = plan;
    if items.is_empty() {
        return String::new();
    }
    let tail = shared
        .and_then(|p| prices_short(lang, p))
        .map_or(String::new(), |w| fill_prices(lang, w));
    match lang {
        Lang::En => format!("{} a year{tail}", items.join(", ")),
        Lang::Zh => format!("年增长：{}{tail}", items.join("，")),
    }
}

/// The short word for a price basis ("nominal", "real"); `None` for counts.
pub fn prices_short(lang: Lang, p: Prices) -> Option<&'static str> {
    match p {
        Prices::Nominal => Some(lang.s().nominal_short),
        Prices::Real => Some(lang.s().real_short),
        Prices::NotMoney => None,
    }
}

fn fill_prices(lang: Lang, word: &str) -> String {
    match lang {
        Lang::En => format!(", {word}"),
        Lang::Zh => format!("（{word}）"),
    }
}

/// Escapes text for an HTML attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The few lines of script in the snippet: the frame takes the height the
/// embedded page posts (`{type: "plansim:height", height}`), growing and
/// shrinking with its content. Idempotent when pasted twice.
pub const HEIGHT_SCRIPT: &str = "<script>if(!window.plansimHeight){window.plansimHeight=1;addEventListener(\"message\",function(e){var d=e.data;if(!d||d.type!==\"plansim:height\"||!(d.height>0))return;var f=document.querySelectorAll(\"iframe[data-plansim]\");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(d.height)+\"px\"})}</script>";

/// The `<iframe>` snippet that works as pasted: `height` for wide pages
/// and `phone` below 480 px where the host runs no script, and the script
/// that fits the frame to its content where it does.
pub fn embed_snippet(url: &str, title: &str, height: u32, phone: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%;max-width:760px\" loading=\"lazy\" data-plansim></iframe>\n\
         <style>@media (max-width:480px){{iframe[data-plansim]{{height:{phone}px}}}}</style>\n{HEIGHT_SCRIPT}",
        attr(url),
        attr(title)
    )
}

/// `digits` (an optional `-`, digits, an optional fraction) with a comma
/// every three digits of the whole part: `65000` → `65,000`.
pub fn grouped(digits: &str) -> String {
    let (sign, rest) = match digits.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", digits),
    };
    let (whole, frac) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    let mut out = String::new();
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// A value of `ind` and its unit, for prose. In English, where the plan
/// gives `en_unit`, the value times its scale with thousands separators
/// ("65,000 patents", "3,022 billion yuan"); else the value as
/// [`fmt_num`](crate::i18n::fmt_num) writes it and the unit ("60.0 %").
pub fn value_text(lang: Lang, ind: &Indicator, v: f64) -> String {
    format!("{} {}", value_number(lang, ind, v), unit_name(lang, ind))
}

/// The number of [`value_text`] alone: `65,000` for 6.5 万件 in English.
pub fn value_number(lang: Lang, ind: &Indicator, v: f64) -> String {
    match (&ind.en_unit, lang) {
        (Some(u), Lang::En) => {
            let x = v * u.scale;
            let a = x.abs();
            // a count spelled out is whole from 100 ("+230 patents")
            let d = if a >= 100.0 {
                0
            } else if a >= 10.0 {
                1
            } else {
                2
            };
            grouped(&format!("{x:.d$}"))
        }
        _ => crate::i18n::fmt_num(v),
    }
}

/// The unit of [`value_text`]: `patents` where 6.5 reads 65,000 patents.
pub fn unit_name(lang: Lang, ind: &Indicator) -> &str {
    match (&ind.en_unit, lang) {
        (Some(u), Lang::En) => &u.unit,
        _ => lang.pick(&ind.unit),
    }
}

/// A reported value's source for the reader: in Chinese, a closing remark
/// on how it was read (`(reprinted)`, `(reprint, where)`, `(quoted)`,
/// `(quoted by who)`, `(quoted in what)`, `(reported)`) is said in Chinese;
/// the rest is the source's own name, as given.
pub fn source_text(lang: Lang, source: &str) -> String {
    if lang == Lang::En {
        return source.to_string();
    }
    let Some(open) = source.rfind(" (").filter(|_| source.ends_with(')')) else {
        return source.to_string();
    };
    let (name, remark) = (&source[..open], &source[open + 2..source.len() - 1]);
    let said = match remark {
        "reprinted" => "转载".to_string(),
        "quoted" => "引述".to_string(),
        "reported" => "报道".to_string(),
        r => match (
            r.strip_prefix("reprint, "),
            r.strip_prefix("quoted by "),
            r.strip_prefix("quoted in "),
        ) {
            (Some(w), _, _) => format!("转载：{w}"),
            (_, Some(w), _) => format!("{w} 引述"),
            (_, _, Some("a paper")) => "论文引述".to_string(),
            (_, _, Some(w)) => format!("{w} 引述"),
            _ => return source.to_string(),
        },
    };
    format!("{name}（{said}）")
}

/// The QR code of `text` as an SVG path over a `size`×`size` grid of
/// modules (a quiet zone of 4 around it is the caller's viewBox), or
/// `None` where `text` is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((n, d))
}

/// The short form of a public page address for print: no scheme, no
/// query, no fragment (`example.org/plansim/`); `None` for an address that
/// is not http(s) (a page opened from a file).
pub fn short_link(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zj() -> Plan {
        Plan::zhejiang().unwrap()
    }

    #[test]
    fn precision_follows_the_step() {
        assert_eq!(step_decimals(0.1), 1);
        assert_eq!(step_decimals(0.05), 2);
        assert_eq!(step_decimals(1.0), 0);
        assert_eq!(fmt_step(12.4514, 0.1), "12.5");
        assert_eq!(fmt_field(12.4514, 0.1), "12.45");
        assert_eq!(fmt_field(8.54, 0.1), "8.54");
        assert_eq!(fmt_field(7.0, 0.1), "7.0");
        assert_eq!(fmt_field(0.15, 0.05), "0.15");
        assert_eq!(fmt_field(3.0, 1.0), "3");
        assert_eq!(fmt_field(-0.0001, 0.1), "0.0");
        assert_eq!(fmt_step(-0.001, 0.05), "0.00");
        assert_eq!(fmt_step(-0.5, 0.05), "-0.50");
        assert_eq!(signed_short(6.0, 0.1), "+6");
        assert_eq!(signed_short(-0.04, 0.1), "0");
        assert_eq!(signed_short(12.25, 0.05), "+12.25");
    }

    #[test]
    fn a_scenario_reads_as_one_sentence_from_the_plans_names() {
        let plan = zj();
        let mut sc = Scenario::new(&plan);
        let heads: Vec<&str> = plan
            .with_role(crate::core::plan::Role::Headline)
            .map(|i| i.id.as_str())
            .collect();
        let sliders = sliders_of(&plan, &heads);
        assert_eq!(sliders.len(), 2);
        for i in &sliders {
            sc.growth.insert(i.id.clone(), 6.0);
        }
        let last = &sliders[1].id;
        sc.growth.insert(last.clone(), 10.0);
        let en = scenario_sentence(&plan, &sc, &sliders, Lang::En);
        let names: Vec<&str> = sliders.iter().map(|i| short_name(Lang::En, i)).collect();
        assert_eq!(
            en,
            format!("{} +6%, {} +10% a year, nominal", names[0], names[1])
        );
        let zh = scenario_sentence(&plan, &sc, &sliders, Lang::Zh);
        assert!(zh.starts_with("年增长："), "{zh}");
        assert!(zh.ends_with("（名义）"), "{zh}");
        assert!(!zh.contains("a year"));
    }

    #[test]
    fn english_units_read_naturally() {
        let plan = zj();
        let scaled = plan
            .indicators
            .iter()
            .find(|i| i.en_unit.as_ref().is_some_and(|u| u.scale == 10000.0))
            .unwrap();
        let u = scaled.en_unit.as_ref().unwrap();
        assert_eq!(
            value_text(Lang::En, scaled, 6.5),
            format!("65,000 {}", u.unit)
        );
        assert_eq!(
            value_text(Lang::Zh, scaled, 6.5),
            format!("6.50 {}", scaled.unit.zh)
        );
        assert_eq!(grouped("1234567.5"), "1,234,567.5");
        assert_eq!(grouped("-999"), "-999");
        assert_eq!(grouped("-1000"), "-1,000");
    }

    #[test]
    fn source_remarks_are_said_in_chinese() {
        assert_eq!(source_text(Lang::Zh, "公报 (reprinted)"), "公报（转载）");
        assert_eq!(source_text(Lang::Zh, "白皮书 (quoted)"), "白皮书（引述）");
        assert_eq!(
            source_text(Lang::Zh, "厅 (quoted in a paper)"),
            "厅（论文引述）"
        );
        assert_eq!(
            source_text(Lang::Zh, "x (quoted by a.gov.cn)"),
            "x（a.gov.cn 引述）"
        );
        assert_eq!(
            source_text(Lang::Zh, "x (reprint, Daily)"),
            "x（转载：Daily）"
        );
        assert_eq!(source_text(Lang::Zh, "x (which one)"), "x (which one)");
        assert_eq!(source_text(Lang::En, "x (quoted)"), "x (quoted)");
    }

    #[test]
    fn print_links_are_short_and_qr_codes_drawn() {
        assert_eq!(
            short_link("https://x.org/plansim/?plan=a#g.gdp=6").as_deref(),
            Some("x.org/plansim/")
        );
        assert_eq!(short_link("file:///home/a/plansim.html#g.x=1"), None);
        let (n, d) = qr_path("https://x.org/plansim/#v=1&g.gdp=6&lang=en").unwrap();
        assert!(n >= 21 && (n - 17) % 4 == 0, "a QR version's size: {n}");
        assert!(d.matches('M').count() > 100);
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn the_snippet_escapes_and_carries_its_script() {
        let s = embed_snippet("https://x.org/?embed=a#g.x=1&lang=en", "a \"b\"", 900, 1200);
        assert!(s.contains("src=\"https://x.org/?embed=a#g.x=1&amp;lang=en\""));
        assert!(s.contains("title=\"a &quot;b&quot;\""));
        assert!(s.contains("height=\"900\""));
        assert!(s.contains("height:1200px"));
        assert!(s.contains("plansim:height"));
        assert!(s.contains("data-plansim"));
    }
}
