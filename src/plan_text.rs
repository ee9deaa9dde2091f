//! Plan-file errors in the reader's language. The model (`src/core`) knows no
//! language: its [`PlanError`] carries a path and a typed kind, whose `Display`
//! is English; this module renders both in Chinese or English.

use crate::core::plan::{JsonKind, PlanError, PlanErrorKind};
use crate::i18n::Lang;

/// `path: message` in `lang`, e.g. `indicators[3].target.value: must be a
/// number within [0, 100]` or `indicators[3].target.value：必须是 [0, 100] 之内的数`;
/// only the message where the error concerns the whole file.
pub fn plan_error_text(lang: Lang, e: &PlanError) -> String {
    let message = plan_error_message(lang, &e.kind);
    match (e.path.is_empty(), lang) {
        (true, _) => message,
        (false, Lang::Zh) => format!("{}：{message}", e.path),
        (false, Lang::En) => format!("{}: {message}", e.path),
    }
}

/// What is wrong, in `lang`, without the path.
pub fn plan_error_message(lang: Lang, kind: &PlanErrorKind) -> String {
    match lang {
        Lang::En => kind.to_string(),
        Lang::Zh => zh(kind),
    }
}

/// The last line `plancheck` prints for a file: how many faults it has, or
/// how many indicators a valid plan holds.
pub fn check_summary(lang: Lang, faults: usize, indicators: Option<usize>) -> String {
    match (lang, faults, indicators) {
        (Lang::En, 0, Some(n)) => format!("a valid plan with {n} indicators"),
        (Lang::Zh, 0, Some(n)) => format!("规划有效，共 {n} 个指标"),
        (Lang::En, 1, _) => "1 fault".into(),
        (Lang::En, n, _) => format!("{n} faults"),
        (Lang::Zh, n, _) => format!("共 {n} 处错误"),
    }
}

/// A field the format does not have, which plansim ignores (see
/// [`crate::core::plan::PlanSpec::unknown_fields`]): a warning, not an error.
pub fn unknown_field_text(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => {
            format!("{path}: not a field of the plan format, so plansim ignores it (a typo?)")
        }
        Lang::Zh => format!("{path}：规划格式中没有这个字段，plansim 会忽略它（是否拼错？）"),
    }
}

fn zh_kind(kind: &JsonKind) -> String {
    match kind {
        JsonKind::Number => "数字".into(),
        JsonKind::WholeNumber { max } => format!("介于 0 和 {max} 之间的整数"),
        JsonKind::String => "字符串".into(),
        JsonKind::Bool => "true 或 false".into(),
        JsonKind::Null => "null".into(),
        JsonKind::Object => "对象 { … }".into(),
        JsonKind::List => "列表 [ … ]".into(),
        JsonKind::Choice => "允许的取值之一".into(),
        JsonKind::Other(s) => s.clone(),
    }
}

fn zh(kind: &PlanErrorKind) -> String {
    use PlanErrorKind as K;
    match kind {
        K::NotJson { line, column, .. } => {
            format!("不是有效的 JSON：第 {line} 行第 {column} 列出错")
        }
        K::Truncated { line, column } => {
            format!("文件在第 {line} 行第 {column} 列提前结束")
        }
        K::Missing => "缺少此项".into(),
        K::WrongType {
            expected,
            found,
            value,
        } => {
            let value = value.as_ref().map(|v| format!("（{v}）")).unwrap_or_default();
            format!("应为{}，而不是{}{value}", zh_kind(expected), zh_kind(found))
        }
        K::UnknownChoice { found, allowed } => {
            let allowed: Vec<String> = allowed.iter().map(|w| format!("`{w}`")).collect();
            format!("`{found}` 不是允许的取值：{}", allowed.join("、"))
        }
        K::DuplicateField => "出现了两次".into(),
        K::Unreadable { message } => format!("无法读取：{message}"),
        K::UnknownFormat { found } => format!("未知的格式 {found}：只支持格式 1"),
        K::YearOrder {
            base_year,
            target_year,
            vision_year,
        } => format!(
            "年份须满足 base_year < target_year <= vision_year（此处为 {base_year}、{target_year}、{vision_year}）"
        ),
        K::BadId => "id 只能由 a-z、0-9 和 _ 组成，且不能为空".into(),
        K::DuplicateId => "id 重复".into(),
        K::UnknownCategory(id) => format!("未知的类别 `{id}`"),
        K::UnknownIndicator(id) => format!("未知的指标 `{id}`"),
        K::BaselineAfterBaseYear { base_year } => format!("不得晚于基期年 {base_year}"),
        K::ValueAndImplied => "value 与 implied 只能给出其一".into(),
        K::NotPercent => "必须是 [0, 100] 之内的数".into(),
        K::Negative => "必须是有限的非负数".into(),
        K::TargetMissing => "缺少目标：只有驱动量（driver）可以没有目标".into(),
        K::TargetYear { after, until } => format!("必须晚于 {after} 年，且不晚于 {until} 年"),
        K::ToleranceMissing => "`about`（左右）目标需要有限且 >= 0 的 tolerance".into(),
        K::ToleranceNotAbout => "只有 `about`（左右）目标才能带 tolerance".into(),
        K::RatioHasSlider => "比率由分子和分母推出，不能有滑块".into(),
        K::SliderMissing => "缺少滑块：只有比率可以没有".into(),
        K::PartNotLevel(id) => format!("`{id}` 必须是有基期值的总量指标（level）"),
        K::PartNotRelative(id) => format!("`{id}` 的滑块必须按相对增速（relative）增长"),
        K::SliderRange => "需要有限的 min < max".into(),
        K::SliderStep => "必须 > 0，且不超过滑块的范围".into(),
        K::SliderDefault => "必须在 [min, max] 之内".into(),
        K::BelowMinus100 => "相对增速不能低于 -100%".into(),
        K::LevelNeedsRelative => {
            "总量指标（level）按相对增速（relative）或逐年增量（additive）增长，不按百分点".into()
        }
        K::AdditiveNotLevel => {
            "只有总量指标（level）才能按逐年增量（additive）增长；百分比按百分点（points）增长".into()
        }
        K::CountsNewNotZero { base_year } => {
            format!("新增数量指标从基期年 {base_year} 的 0 开始计")
        }
        K::PricesDiffer {
            numerator,
            denominator,
        } => format!(
            "`{numerator}` 与 `{denominator}` 必须按同一价格口径增长（`slider.prices`）"
        ),
        K::ZeroBaseline => "基期值为零，无法按相对增速增长；请用逐年增量（additive）".into(),
        K::NotFinite => "必须是有限的数".into(),
        K::BadImplied => {
            "必须指向一个以本指标为分母的比率，且该比率与其分子的基期值都是印出的数值".into()
        }
        K::ImpliedNotPositive => "推算出的基期值不是有限的正数".into(),
        K::NotPositive => "必须是有限的正数".into(),
        K::Uncertainty(f) => zh_uncertainty(f),
    }
}

fn zh_uncertainty(f: &crate::core::uncertainty::UncertaintyFault) -> String {
    use crate::core::uncertainty::UncertaintyFault as U;
    match f {
        U::MinObservations => "至少为 2（标准差需要两个值）".into(),
        U::MinPairs => "至少为 3".into(),
        U::BadId => "编号只能用 a-z、0-9 和 _".into(),
        U::DuplicateId => "编号重复".into(),
        U::SigmaRange => "必须是 [0, 100] 之内的数".into(),
        U::UnknownIndicator(id) => format!("未知指标 `{id}`"),
        U::NoSlider(id) => format!("`{id}` 没有滑块"),
        U::OtherMode(id) => format!("`{id}` 的滑块增长方式与所在类别不同"),
        U::TwoClasses(id) => format!("`{id}` 属于两个类别"),
        U::NoClass(id) => format!("`{id}` 不属于任何类别"),
        U::DuplicateEstimate => "估计值重复".into(),
        U::TooFewObservations(n) => format!("规则至少需要 {n} 个观测值才能估计"),
        U::NotRatio(id) => format!("`{id}` 不是比值指标"),
        U::DuplicateRatio => "比值重复".into(),
        U::RhoRange => "必须是 [-1, 1] 之内的数".into(),
        U::NeedsReasoning => "未按规则估计的 ρ 需要写明理由".into(),
        U::RatioWithoutRho(id) => format!("比值 `{id}` 没有 ρ"),
        U::NotCorrelationMatrix => "这些 ρ 合起来不是有效的相关矩阵".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(path: &str, kind: PlanErrorKind) -> PlanError {
        PlanError {
            path: path.into(),
            kind,
        }
    }

    #[test]
    fn path_and_message_in_both_languages() {
        let x = e("indicators[3].target.value", PlanErrorKind::NotPercent);
        assert_eq!(
            plan_error_text(Lang::En, &x),
            "indicators[3].target.value: must be a number within [0, 100]"
        );
        assert_eq!(
            plan_error_text(Lang::Zh, &x),
            "indicators[3].target.value：必须是 [0, 100] 之内的数"
        );
        assert_eq!(plan_error_text(Lang::En, &x), x.to_string());
        let whole = e("", PlanErrorKind::Truncated { line: 1, column: 9 });
        assert_eq!(
            plan_error_text(Lang::Zh, &whole),
            "文件在第 1 行第 9 列提前结束"
        );
    }

    /// Every fault of the fixture reads in Chinese, not in the English of `Display`.
    #[test]
    fn every_fault_of_a_file_reads_in_chinese() {
        let json = include_str!("../tests/fixtures/plan-several-faults.json");
        let faults = crate::core::Plan::check(json);
        assert_eq!(faults.len(), 9);
        for e in &faults {
            let zh = plan_error_message(Lang::Zh, &e.kind);
            assert_ne!(zh, e.kind.to_string());
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
        for json in ["{", "{\"format\": \"1\"}", "{\"format\": 1}"] {
            let e = &crate::core::Plan::check(json)[0];
            let zh = plan_error_text(Lang::Zh, e);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
    }

    #[test]
    fn serde_faults_read_in_chinese() {
        let x = e(
            "base_year",
            PlanErrorKind::WrongType {
                expected: JsonKind::WholeNumber { max: 65535 },
                found: JsonKind::Number,
                value: Some("70000".into()),
            },
        );
        assert_eq!(
            plan_error_text(Lang::Zh, &x),
            "base_year：应为介于 0 和 65535 之间的整数，而不是数字（70000）"
        );
        assert_eq!(
            x.to_string(),
            "base_year: must be a whole number from 0 to 65535, not a number (70000)"
        );
        let x = e(
            "indicators[0].role",
            PlanErrorKind::UnknownChoice {
                found: "boss".into(),
                allowed: vec!["headline".into(), "driver".into()],
            },
        );
        assert_eq!(
            plan_error_text(Lang::Zh, &x),
            "indicators[0].role：`boss` 不是允许的取值：`headline`、`driver`"
        );
        assert_eq!(
            x.to_string(),
            "indicators[0].role: `boss` is not one of `headline`, `driver`"
        );
    }
}
