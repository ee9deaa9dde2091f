//! Interface strings in Chinese and English.

use crate::core::plan::{GrowthMode, Prices, Text};
use serde::{Deserialize, Serialize};

/// A display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    /// 简体中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// The language of a BCP 47 tag such as `zh-CN` or `en-GB`; `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") {
            Some(Lang::Zh)
        } else if t == "en" || t.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The short tag used in links and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The text in this language.
    pub fn pick(self, t: &Text) -> &str {
        match self {
            Lang::Zh => &t.zh,
            Lang::En => &t.en,
        }
    }

    /// The interface strings.
    pub fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub hit: &'static str,
    pub miss: &'static str,
    pub needs_baseline: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub projected: &'static str,
    pub margin: &'static str,
    pub required: &'static str,
    pub set_required: &'static str,
    pub reset: &'static str,
    pub reset_all: &'static str,
    pub growth: &'static str,
    pub per_year: &'static str,
    pub pp_per_year: &'static str,
    pub first_hit: &'static str,
    pub never_within: &'static str,
    pub progress: &'static str,
    pub on_track: &'static str,
    pub moderate: &'static str,
    pub marginal: &'static str,
    pub stagnation: &'static str,
    pub regression: &'static str,
    pub summary_hit: &'static str,
    pub missed: &'static str,
    pub all_hit: &'static str,
    pub presets: &'static str,
    pub preset_plan: &'static str,
    pub preset_trend: &'static str,
    pub preset_custom: &'static str,
    pub no_trend: &'static str,
    pub horizon: &'static str,
    pub language: &'static str,
    pub enter_baseline: &'static str,
    pub plan_prints_slash: &'static str,
    pub derived_from: &'static str,
    pub saturated_at: &'static str,
    pub data_table: &'static str,
    pub year: &'static str,
    pub value: &'static str,
    pub path_label: &'static str,
    pub target_label: &'static str,
    pub reported_label: &'static str,
    pub drivers_title: &'static str,
    pub per_year_editor: &'static str,
    pub per_year_hint: &'static str,
    pub notice_title: &'static str,
    pub dismiss: &'static str,
    pub baseline_year_mark: &'static str,
    pub source: &'static str,
    pub other_targets: &'static str,
    pub error_prefix: &'static str,
    pub not_a_number: &'static str,
    pub pp: &'static str,
    pub trend: &'static str,
    pub need_baseline_count: &'static str,
    pub share_title: &'static str,
    pub link: &'static str,
    pub copy_link: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub cite_title: &'static str,
    pub embed_title: &'static str,
    pub embed_view: &'static str,
    pub embed_height: &'static str,
    pub preview: &'static str,
    pub downloads: &'static str,
    pub csv: &'static str,
    pub json: &'static str,
    pub import_json: &'static str,
    pub print_handout: &'static str,
    pub open_full: &'static str,
    pub unknown_view: &'static str,
    pub import_failed: &'static str,
    pub export_chart: &'static str,
    pub handout_title: &'static str,
    pub verdict: &'static str,
    pub your_growth: &'static str,
    pub reported_title: &'static str,
    pub above_path: &'static str,
    pub below_path: &'static str,
    pub first_release: &'static str,
    pub revised: &'static str,
    pub defaults_hint: &'static str,
    pub link_ignored: &'static str,
    pub saved_ignored: &'static str,
    pub expected_kv: &'static str,
    pub bad_year: &'static str,
    pub bad_horizon: &'static str,
    pub bad_lang: &'static str,
    pub unknown_part: &'static str,
    pub no_indicator: &'static str,
    pub derived_no_growth: &'static str,
    pub beyond_max: &'static str,
    pub outside_years: &'static str,
    pub not_scenario_file: &'static str,
    pub unknown_format: &'static str,
    pub other_plan: &'static str,
    pub offline_copy: &'static str,
    pub preset_reported: &'static str,
    pub preset_reported_hint: &'static str,
    pub reported_pace: &'static str,
    /// Unit of additive growth; `{unit}` is the indicator's own unit.
    pub unit_per_year: &'static str,
    /// Said beside a nominal growth figure.
    pub prices_nominal: &'static str,
    /// Said beside a real growth figure.
    pub prices_real: &'static str,
    /// On a card whose trend is on another price basis than its slider.
    pub trend_mixes_prices: &'static str,
    /// Before the names of the indicators the trend preset sets unconverted.
    pub preset_mixes_prices: &'static str,
    /// Beside the 0 baseline of a count of new things.
    pub counts_new_baseline: &'static str,
    pub plan_label: &'static str,
    pub open_plan: &'static str,
    pub remove_plan: &'static str,
    pub builtin_mark: &'static str,
    pub file_mark: &'static str,
    pub link_mark: &'static str,
    pub drop_hint: &'static str,
    pub loading_plan: &'static str,
    pub fetch_failed_title: &'static str,
    pub use_builtin: &'static str,
    pub retry: &'static str,
    pub plan_refused: &'static str,
    pub fetch_failed: &'static str,
    pub fetch_network: &'static str,
    pub not_kept: &'static str,
    pub unknown_file: &'static str,
    pub unreadable: &'static str,
    pub reported_refused: &'static str,
    pub load_reported: &'static str,
    pub download_reported: &'static str,
    pub remove_reported: &'static str,
    pub file_plan_link: &'static str,
    pub line: &'static str,
    pub same_id_as_builtin: &'static str,
    // issue 8: chances, σ and the uncertainty scale
    pub bad_scale: &'static str,
    pub chance: &'static str,
    pub chance_hint: &'static str,
    pub odds_about: &'static str,
    pub odds_never: &'static str,
    pub odds_certain: &'static str,
    pub odds_under: &'static str,
    pub odds_over: &'static str,
    pub sigma_label: &'static str,
    pub sigma_estimated: &'static str,
    pub sigma_class: &'static str,
    pub scale_label: &'static str,
    pub scale_none: &'static str,
    pub scale_half: &'static str,
    pub scale_estimated: &'static str,
    pub scale_double: &'static str,
    pub expected_hits: &'static str,
    pub all_hit_chance: &'static str,
    pub growth_for_80: &'static str,
    pub set_to_80: &'static str,
    pub futures_title: &'static str,
    pub dots_caption: &'static str,
    pub dots_hit: &'static str,
    pub dots_miss: &'static str,
    pub dots_alt: &'static str,
    pub futures_run: &'static str,
    pub futures_pause: &'static str,
    pub futures_step: &'static str,
    pub futures_reset: &'static str,
    pub futures_status: &'static str,
    pub futures_intro: &'static str,
    pub central_label: &'static str,
    pub current_future: &'static str,
    pub bands_label: &'static str,
    pub tradeoff_title: &'static str,
    pub tradeoff_hint: &'static str,
    pub tradeoff_exact: &'static str,
    pub tradeoff_50: &'static str,
    pub tradeoff_80: &'static str,
    pub tradeoff_region: &'static str,
    pub tradeoff_you: &'static str,
    pub tradeoff_table: &'static str,
    pub tradeoff_row_x: &'static str,
    // issue 7: the answer first, presets that behave
    /// At the pace published so far, a headline misses: `{name}`, `{value}`, `{year}`, `{target}`.
    pub hero_reported_miss: &'static str,
    /// At the pace published so far, a headline is met (same keys).
    pub hero_reported_hit: &'static str,
    /// No published pace: the reader's scenario (keys `{name}`, `{value}`, `{year}`, `{target}`, `{verdict}`).
    pub hero_reader: &'static str,
    /// At the plan's pace: `{value}`.
    pub hero_plan_pace: &'static str,
    /// How old the data are: `{list}` of "year (names)".
    pub hero_data_through: &'static str,
    /// No published value for a headline or its drivers.
    pub hero_no_data: &'static str,
    /// The plan period is over: `{year}`.
    pub hero_period_ended: &'static str,
    /// The published outcome: `{name}`, `{year}`, `{value}`, `{source}`, `{verdict}`.
    pub hero_actual: &'static str,
    /// A published outcome that is a lower bound below the target.
    pub hero_actual_unsettled: &'static str,
    /// No published outcome yet: `{year}`.
    pub hero_no_actual: &'static str,
    /// Said of a pace from a "more than X" value.
    pub at_least: &'static str,
    /// List separator.
    pub list_sep: &'static str,
    /// One-line descriptions of the presets, shown under them.
    pub preset_reported_desc: &'static str,
    pub preset_plan_desc: &'static str,
    pub preset_trend_desc: &'static str,
    /// Explains the "custom" chip.
    pub preset_custom_desc: &'static str,
    /// The hero's accessible name.
    pub hero_label: &'static str,
    /// The word for the reference scenario (its name: [`crate::state::Reference::label`]).
    pub reference_label: &'static str,
    /// The reference's tally: `{name}`, `{hit}`, `{total}`.
    pub reference_tally: &'static str,
    /// Before the targets whose verdict differs between the two scenarios.
    pub verdict_differs: &'static str,
    /// The overview table's heading, its filter and column heads.
    pub overview_title: &'static str,
    pub overview_misses_only: &'static str,
    pub overview_indicator: &'static str,
    pub overview_yours: &'static str,
    pub overview_verdict: &'static str,
    // Issue 12 (phase 2): limits, versions, storage faults and the panic message.
    pub more_notices: &'static str,
    pub link_word: &'static str,
    pub saved_word: &'static str,
    pub too_large: &'static str,
    pub newer_version: &'static str,
    pub bad_version: &'static str,
    pub baseline_printed: &'static str,
    pub baseline_beyond: &'static str,
    pub not_saved: &'static str,
    pub file_too_large: &'static str,
    pub panic_title: &'static str,
    pub panic_body: &'static str,
    pub start_fresh: &'static str,
    // issue 11a: embeds, the handout, the restore prompt, wording
    pub pp_short: &'static str,
    pub sentence_varies: &'static str,
    pub nominal_short: &'static str,
    pub real_short: &'static str,
    pub scenario_label: &'static str,
    pub locked_note: &'static str,
    pub restored_prompt: &'static str,
    pub fresh_start: &'static str,
    pub keep_scenario: &'static str,
    pub handout_assumptions: &'static str,
    pub handout_reference: &'static str,
    pub handout_needed: &'static str,
    pub handout_answers: &'static str,
    pub handout_q1: &'static str,
    pub handout_q2: &'static str,
    pub handout_link: &'static str,
    pub handout_from_file: &'static str,
    pub handout_horizon: &'static str,
    pub no_trend_once: &'static str,
    pub status_reported: &'static str,
    pub status_first_release: &'static str,
    pub status_revised: &'static str,
    pub status_lower_bound: &'static str,
    pub entered_baseline: &'static str,
    pub embed_phone_height: &'static str,
    pub embed_lock: &'static str,
    pub embed_chart_only: &'static str,
    pub handout_per_row: &'static str,
    pub handout_not_judged: &'static str,
    // issue 7c: choosing and pinning the reference
    /// A `cmp=` link part naming no reference.
    pub bad_reference: &'static str,
    /// The reference control's label, and its choices.
    pub reference_choose: &'static str,
    pub reference_reported: &'static str,
    pub reference_plan: &'static str,
    pub reference_trend: &'static str,
    pub reference_pinned: &'static str,
    /// The button that freezes the reader's scenario as the reference.
    pub reference_pin: &'static str,
    /// One line under the control: what the reference is for.
    pub reference_hint: &'static str,
    /// "Reference: {name}", as the summary, cards and table say it.
    pub reference_named: &'static str,
    /// Names of the reader's scenario in the tally.
    pub scenario_defaults: &'static str,
    pub scenario_custom: &'static str,
    /// The hero's smaller line: the paces behind its sentence, `{drivers}`.
    pub hero_paces: &'static str,
    // issue 11b: self-describing exports and readable charts.
    /// Before the scenario sentence of an export.
    pub scenario_intro: &'static str,
    /// A growth set year by year: `{name}`, `{years}`.
    pub scenario_years: &'static str,
    /// A baseline the reader entered: `{name}`, `{value}`.
    pub scenario_baseline: &'static str,
    /// The horizon beyond the target year: `{year}`.
    pub scenario_horizon: &'static str,
    /// Every other slider at the plan's default.
    pub scenario_rest: &'static str,
    /// The source line of an exported chart: `{plan}`, `{doc}`, `{sources}`.
    pub export_source: &'static str,
    /// Where no published values are held.
    pub export_no_sources: &'static str,
    /// The verdict line of an exported chart: `{year}`, `{value}`, `{verdict}`, `{target}`.
    pub export_verdict: &'static str,
    /// Legend of a value published as "more than X".
    pub reported_lower_label: &'static str,
    /// Legend of a target hit from a lower value ("about"): `{from}`.
    pub target_from: &'static str,
    /// How to read a chart's values by keyboard or pointer.
    pub chart_keys: &'static str,
    /// A reported value that is a lower bound, in the readout.
    pub readout_lower: &'static str,
}

/// 简体中文.
pub static ZH: Strings = Strings {
    app_title: "plansim · 规划目标模拟器",
    tagline: "拖动每个指标的年增速，即时查看规划目标能否实现。",
    hit: "达成",
    miss: "未达成",
    needs_baseline: "缺少基期值",
    baseline: "基期",
    target: "目标",
    projected: "预测",
    margin: "差距",
    required: "所需增速",
    set_required: "设为所需增速",
    reset: "重置",
    reset_all: "全部重置",
    growth: "年增速",
    per_year: "%/年",
    pp_per_year: "个百分点/年",
    first_hit: "首次达成",
    never_within: "预测期内未达成",
    progress: "进展",
    on_track: "按计划推进",
    moderate: "进展一般",
    marginal: "进展有限",
    stagnation: "停滞",
    regression: "倒退",
    summary_hit: "项目标达成，共",
    missed: "未达成：",
    all_hit: "全部达成。",
    presets: "情景",
    preset_plan: "规划节奏",
    preset_trend: "以往趋势",
    preset_custom: "自定义",
    no_trend: "规划未给出以往增速",
    horizon: "预测至",
    language: "语言",
    enter_baseline: "输入{year}年基期值",
    plan_prints_slash: "规划表中为“/”（无基期值）",
    derived_from: "计算方式：",
    saturated_at: "触及上下限（0–100%）于",
    data_table: "数据表",
    year: "年份",
    value: "数值",
    path_label: "预测路径",
    target_label: "目标",
    reported_label: "公布值",
    drivers_title: "驱动量",
    per_year_editor: "逐年增速",
    per_year_hint: "留空则使用上方的年增速。",
    notice_title: "提示",
    dismiss: "关闭",
    baseline_year_mark: "{year}年数据",
    source: "出处",
    other_targets: "正文中的其他目标",
    error_prefix: "无法计算：",
    not_a_number: "不是有效数字，已保留原值",
    pp: "个百分点",
    trend: "规划所述以往年均增速",
    need_baseline_count: "项目标缺少基期值，可在卡片中输入：",
    share_title: "分享、引用与导出",
    link: "链接",
    copy_link: "复制链接",
    copy: "复制",
    copied: "已复制",
    copy_failed: "无法访问剪贴板，请选中后手动复制",
    cite_title: "引用方式",
    embed_title: "嵌入",
    embed_view: "嵌入内容",
    embed_height: "高度（像素）",
    preview: "预览",
    downloads: "下载",
    csv: "CSV（全部路径）",
    json: "情景 JSON",
    import_json: "导入情景 JSON",
    print_handout: "打印课堂讲义",
    open_full: "在 plansim 中打开",
    unknown_view: "没有可嵌入的目标：",
    import_failed: "未导入，情景保持不变：",
    export_chart: "导出图表",
    handout_title: "情景讲义",
    verdict: "判断",
    your_growth: "所设增速",
    reported_title: "{year}年以来的公布值",
    above_path: "高于本路径",
    below_path: "低于本路径",
    first_release: "初次公布",
    revised: "修订",
    defaults_hint: "默认情景：各滑块取规划文件给出的默认年增速；图中黑点为规划实施以来的公布值，可与预测路径对照。",
    link_ignored: "链接中已忽略",
    saved_ignored: "已保存的情景中已忽略",
    expected_kv: "应为“键=值”",
    bad_year: "年份无效",
    bad_horizon: "预测年份无效",
    bad_lang: "语言只能是 zh 或 en",
    unknown_part: "未知参数",
    no_indicator: "没有这个指标",
    derived_no_growth: "是推算值，没有自己的增速",
    beyond_max: "超出允许范围（±1000）",
    outside_years: "不在规划年份内",
    not_scenario_file: "不是 plansim 情景文件",
    unknown_format: "未知的情景文件版本",
    other_plan: "该情景属于另一份规划",
    offline_copy: "下载离线单文件版（双击即可打开）",
    preset_reported: "已公布数据的节奏",
    preset_reported_hint: "把有公布值的指标设为从基期到最新公布值的年均增速",
    reported_pace: "已公布数据的年均增速",
    unit_per_year: "{unit}/年",
    prices_nominal: "名义（现价）",
    prices_real: "实际（可比价）",
    trend_mixes_prices: "此趋势增速与本滑块的价格口径不同（一为实际、一为名义）：趋势情景按原值套用、未作价格换算，结果混用两种口径。",
    preset_mixes_prices: "以下指标的趋势增速与滑块口径不同（实际/名义），按原值套用、未换算：",
    counts_new_baseline: "新增计数：基期为0",
    plan_label: "规划",
    open_plan: "打开规划文件…",
    remove_plan: "移除此规划",
    builtin_mark: "内置",
    file_mark: "本地文件",
    link_mark: "来自链接",
    drop_hint: "松开即可打开：规划文件（.json）、情景文件（.json）或公布值（.csv）",
    loading_plan: "正在载入规划…",
    fetch_failed_title: "无法载入链接中的规划",
    use_builtin: "改为打开内置规划：",
    retry: "重试",
    plan_refused: "规划文件未载入，当前规划与情景保持不变：",
    fetch_failed: "无法获取",
    fetch_network: "没有响应：可能离线，或该服务器不允许跨域读取（CORS）",
    not_kept: "已打开，但本浏览器的存储不可用或已满，关闭页面后需重新打开该文件",
    unknown_file: "不是规划文件、情景文件或公布值 CSV",
    unreadable: "无法读取该文件",
    reported_refused: "公布值未载入，页面上的数值保持不变：",
    load_reported: "载入公布值（CSV）…",
    download_reported: "下载公布值（CSV）",
    remove_reported: "移除载入的公布值",
    file_plan_link: "此规划来自本地文件：该链接只能在本浏览器中打开它。",
    line: "第{line}行",
    same_id_as_builtin: "该规划文件的 id 与内置规划相同，因此指向此 id 的链接会打开内置规划；如需分享链接，请在文件中改用另一个 id",
    // issue 8
    bad_scale: "不确定性倍数应为 0 到 4 之间的数（u=0 为无不确定性，1 为按估计）",
    chance: "达成概率",
    chance_hint: "在所设增速附近逐年随机波动时达成目标的概率；达成/未达成的判断仍按中心路径",
    odds_about: "约{n}分之{k}",
    odds_never: "不可能",
    odds_certain: "必然",
    odds_under: "低于{n}分之1",
    odds_over: "高于{n}分之{k}",
    sigma_label: "年增速波动 σ",
    sigma_estimated: "{period}年{n}个年增速的样本标准差",
    sigma_class: "同类指标默认值",
    scale_label: "不确定性",
    scale_none: "无",
    scale_half: "减半",
    scale_estimated: "按估计",
    scale_double: "加倍",
    expected_hits: "预期达成目标数：{x}/{n}",
    all_hit_chance: "全部达成的概率：{p}",
    growth_for_80: "80% 把握所需增速",
    set_to_80: "设为80%把握增速",
    futures_title: "{name}：一千种未来",
    dots_caption: "{year}年的{n}个等可能取值，每点一个；实心点达成目标，阴影为目标区间",
    dots_hit: "达成",
    dots_miss: "未达成",
    dots_alt: "{n}个点中{h}个达成目标；中位数{median}",
    futures_run: "运行1000种未来",
    futures_pause: "暂停",
    futures_step: "下一个",
    futures_reset: "从头开始",
    futures_status: "第{k}个未来（共{n}个）：{verdict}（{year}年{value}）。目前{k}个中{h}个达成（{pct}）。",
    futures_intro: "逐个抽取未来：每年增速在所设增速附近随机波动。种子固定，全班看到的未来相同。",
    central_label: "中心路径",
    current_future: "当前未来",
    bands_label: "50/80/95%区间",
    tradeoff_title: "{name}：增速的取舍",
    tradeoff_hint: "横轴为{x}的年增速，纵轴为{y}的年增速。点击、拖动或用方向键移动你的点，两个滑块随之改变。",
    tradeoff_exact: "恰好达到目标",
    tradeoff_50: "50%把握（达成与否的分界）",
    tradeoff_80: "80%把握",
    tradeoff_region: "中心路径达成",
    tradeoff_you: "你的情景",
    tradeoff_table: "文字版：各增速组合",
    tradeoff_row_x: "{x}增速",
    // issue 7
    hero_reported_miss: "按已公布数据的节奏，{year}年{name}约为{value}，达不到{target}的目标。",
    hero_reported_hit: "按已公布数据的节奏，{year}年{name}约为{value}，可达到{target}的目标。",
    hero_reader: "尚无公布数据可算出节奏；按当前情景，{year}年{name}约为{value}（目标{target}）：{verdict}。",
    hero_plan_pace: "按规划节奏则可达{value}。",
    hero_data_through: "已公布数据截至：{list}。",
    hero_no_data: "plansim 尚无已公布数据。",
    hero_period_ended: "规划期已于{year}年结束，以上为按已公布节奏的推算，而非预测。",
    hero_actual: "{year}年{name}公布值为{value}（{source}），实际{verdict}。",
    hero_actual_unsettled: "{year}年{name}仅公布“超过{value}”（{source}），尚不能判断是否达成。",
    hero_no_actual: "{year}年的实际结果尚未收入 plansim 的数据。",
    at_least: "至少",
    list_sep: "，",
    preset_reported_desc: "已公布数据的节奏：有公布值的指标取从基期到最新公布值的年均增速（“超过X”类数据只给下限，不设滑块），其余恢复默认。",
    preset_plan_desc: "规划节奏：每项目标恰好达成所需的增速，其余恢复默认。",
    preset_trend_desc: "以往趋势：规划给出的上一时期增速，其余恢复默认。",
    preset_custom_desc: "自定义：手动改动后显示。",
    hero_label: "结论",
    reference_label: "参照",
    reference_tally: "参照（{name}）：{hit}/{total} 项达成",
    verdict_differs: "与参照结论不同的目标：",
    overview_title: "全部目标一览",
    overview_misses_only: "只看未达成",
    overview_indicator: "指标",
    overview_yours: "当前情景",
    overview_verdict: "结论（当前/参照）",
    // Issue 12 (phase 2).
    more_notices: "另有 {n} 条未列出",
    link_word: "链接",
    saved_word: "已保存的情景",
    too_large: "过大（{bytes} 字节，上限 {limit}），其中内容均未使用",
    newer_version: "由更新版本的 plansim 写成（版本 {v}），已使用本版本能识别的部分",
    bad_version: "版本须为不小于 1 的整数",
    baseline_printed: "规划已给出该指标的基期值，不使用自行输入的基期值",
    baseline_beyond: "基期值超出可计算和绘制的范围（绝对值上限 {max}）",
    not_saved: "此情景未能保存在本浏览器中（存储已满或被禁用）；页面上的情景未丢失，请复制链接保存",
    file_too_large: "文件过大（{bytes} 字节，上限 {limit}），未读取",
    panic_title: "plansim 出错了",
    panic_body: "页面遇到内部错误，已停止运行。您的情景保存在下面的链接中：",
    start_fresh: "清除保存的情景并重新开始",
    // issue 11a
    pp_short: "个百分点",
    sentence_varies: "（逐年设定）",
    nominal_short: "名义",
    real_short: "实际",
    scenario_label: "情景",
    locked_note: "情景由嵌入页面固定",
    restored_prompt: "已恢复您在本浏览器上次的情景（可能是其他同学留下的）。要重新开始吗？",
    fresh_start: "重新开始",
    keep_scenario: "保留此情景",
    handout_assumptions: "假设（每年增速）",
    handout_reference: "参照情景",
    handout_needed: "所需年增速",
    handout_answers: "你的答案",
    handout_q1: "1. 哪些目标未能达成？需要怎样的增速？",
    handout_q2: "2. 你认为哪个假设最不可靠？为什么？",
    handout_link: "链接（扫码或输入）",
    handout_from_file: "从文件打开：本页没有公开链接。",
    handout_horizon: "预测至",
    no_trend_once: "未标注以往增速的指标，规划均未给出以往增速。",
    status_reported: "已公布",
    status_first_release: "初步数",
    status_revised: "修订数",
    status_lower_bound: "下限（“超过”）",
    entered_baseline: "（自行输入）",
    embed_phone_height: "手机上的高度 (px)",
    embed_lock: "锁定情景（读者不能修改）",
    embed_chart_only: "仅图表",
    handout_per_row: "其余增速见下表各行",
    handout_not_judged: "另有 {n} 项目标规划未给出基期值，此处不作判断（可在页面卡片中输入基期值）。",
    // issue 7c
    bad_reference: "参照情景（cmp=）应为 reported（已公布节奏）、plan（规划节奏）、trend（以往趋势）或 pinned（已固定的情景）",
    reference_choose: "参照情景",
    reference_reported: "已公布节奏",
    reference_plan: "规划节奏",
    reference_trend: "以往趋势",
    reference_pinned: "已固定的情景",
    reference_pin: "把当前情景固定为参照",
    reference_hint: "各卡片、图表（虚线）、总览表和汇总都把你的情景与参照情景对照。",
    reference_named: "参照：{name}",
    scenario_defaults: "规划默认情景",
    scenario_custom: "你的情景（自定义）",
    hero_paces: "已公布节奏：{drivers}。",
    // issue 11b.
    scenario_intro: "情景：",
    scenario_years: "{name}逐年设定：{years}",
    scenario_baseline: "{name}基期值{value}（自行输入）",
    scenario_horizon: "预测至{year}年",
    scenario_rest: "其余增速取规划默认值",
    export_source: "来源：《{plan}》（{doc}）；公布值：{sources}",
    export_no_sources: "暂无",
    export_verdict: "{year}年预测：{value}，{verdict}（目标：{target}）",
    reported_lower_label: "公布值（“超过”，下限）",
    target_from: "{from}起即算达成",
    chart_keys: "用方向键或指针查看各年数值",
    readout_lower: "下限",
};

/// English.
pub static EN: Strings = Strings {
    app_title: "plansim · plan-target simulator",
    tagline: "Move any indicator's annual growth and see at once whether the plan's targets are hit.",
    hit: "Hit",
    miss: "Missed",
    needs_baseline: "Needs a baseline",
    baseline: "Baseline",
    target: "Target",
    projected: "Projected",
    margin: "Margin",
    required: "Growth needed",
    set_required: "Set to needed",
    reset: "Reset",
    reset_all: "Reset all",
    growth: "Annual growth",
    per_year: "% a year",
    pp_per_year: "pp a year",
    first_hit: "First reached",
    never_within: "not within the horizon",
    progress: "Progress",
    on_track: "On track",
    moderate: "Moderate progress",
    marginal: "Marginal progress",
    stagnation: "Stagnation",
    regression: "Regression",
    summary_hit: "targets hit, of",
    missed: "Missed:",
    all_hit: "All hit.",
    presets: "Scenario",
    preset_plan: "Plan pace",
    preset_trend: "Past trend",
    preset_custom: "Custom",
    no_trend: "no past growth given in the plan",
    horizon: "Project to",
    language: "Language",
    enter_baseline: "Enter a baseline for {year}",
    plan_prints_slash: "The plan's table prints “/” (no baseline)",
    derived_from: "Computed as:",
    saturated_at: "held at the 0–100% bound from",
    data_table: "Data table",
    year: "Year",
    value: "Value",
    path_label: "Projection",
    target_label: "Target",
    reported_label: "Reported",
    drivers_title: "Drivers",
    per_year_editor: "Growth by year",
    per_year_hint: "Leave a year empty to use the annual growth above.",
    notice_title: "Note",
    dismiss: "Dismiss",
    baseline_year_mark: "{year} value",
    source: "Source",
    other_targets: "Other targets in the text",
    error_prefix: "Cannot compute: ",
    not_a_number: "is not a number; the previous value is kept",
    pp: "pp",
    trend: "Past growth stated in the plan",
    need_baseline_count: "targets need a baseline you can enter on their card:",
    share_title: "Share, cite, export",
    link: "Link",
    copy_link: "Copy link",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "The clipboard is not available here: select the text and copy it",
    cite_title: "How to cite",
    embed_title: "Embed",
    embed_view: "View to embed",
    embed_height: "Height (px)",
    preview: "Preview",
    downloads: "Downloads",
    csv: "CSV (every path)",
    json: "Scenario JSON",
    import_json: "Import scenario JSON",
    print_handout: "Print a handout",
    open_full: "Open in plansim",
    unknown_view: "No target to embed: ",
    import_failed: "Not imported; nothing was changed: ",
    export_chart: "Export chart",
    handout_title: "Scenario handout",
    verdict: "Verdict",
    your_growth: "Growth set",
    reported_title: "Reported since {year}",
    above_path: "above this path",
    below_path: "below this path",
    first_release: "first release",
    revised: "revised",
    defaults_hint: "Default scenario: each slider starts at the growth the plan file gives it. Black dots on the charts are values reported since the plan started, to hold against the path.",
    link_ignored: "link: ignored",
    saved_ignored: "saved scenario: ignored",
    expected_kv: "expected key=value",
    bad_year: "bad year",
    bad_horizon: "bad horizon",
    bad_lang: "language is zh or en",
    unknown_part: "unknown part",
    no_indicator: "no such indicator",
    derived_no_growth: "is derived and has no growth of its own",
    beyond_max: "is beyond ±1000",
    outside_years: "is outside the plan's years",
    not_scenario_file: "not a plansim scenario file",
    unknown_format: "unknown scenario format version",
    other_plan: "this scenario is for another plan",
    offline_copy: "Download a single-file copy for offline use (opens by double-click)",
    preset_reported: "Reported pace",
    preset_reported_hint: "Sets each indicator with reported values to the annual growth from its baseline to the latest one",
    reported_pace: "Pace of reported values",
    unit_per_year: "{unit} a year",
    prices_nominal: "nominal (current prices)",
    prices_real: "real (comparable prices)",
    trend_mixes_prices: "This trend and this slider are on different price bases (one real, one nominal): the trend preset applies the trend as printed, unconverted, so the result mixes the two.",
    preset_mixes_prices: "Applied as printed, unconverted, though the trend and the slider differ (real vs nominal):",
    counts_new_baseline: "counts new ones: 0 in the base year",
    plan_label: "Plan",
    open_plan: "Open a plan file…",
    remove_plan: "Remove this plan",
    builtin_mark: "built-in",
    file_mark: "from a file",
    link_mark: "from a link",
    drop_hint: "Drop to open a plan (.json), a scenario (.json) or reported values (.csv)",
    loading_plan: "Loading the plan…",
    fetch_failed_title: "The plan in this link could not be loaded",
    use_builtin: "Open the built-in plan instead: ",
    retry: "Try again",
    plan_refused: "Plan not loaded; the current plan and scenario are unchanged:",
    fetch_failed: "Could not fetch",
    fetch_network: "no answer: offline, or the server does not allow cross-origin reads (CORS)",
    not_kept: "opened, but this browser's storage is unavailable or full: open the file again after closing the page",
    unknown_file: "is neither a plan, a scenario nor a CSV of reported values",
    unreadable: "could not be read",
    reported_refused: "Reported values not loaded; nothing was changed:",
    load_reported: "Load reported values (CSV)…",
    download_reported: "Download reported values (CSV)",
    remove_reported: "Remove the values you loaded",
    file_plan_link: "This plan came from a file: the link opens it only in this browser.",
    line: "line {line}",
    same_id_as_builtin: "this plan file has the id of a built-in plan, so a link to that id opens the built-in one; give the file an id of its own to share links to it",
    // issue 8
    bad_scale: "the uncertainty scale must be a number from 0 to 4 (u=0 for none, 1 as estimated)",
    chance: "Chance of hitting",
    chance_hint: "The chance of hitting when each year's growth varies randomly around the one set; hit or miss still means the central path",
    odds_about: "about {k} in {n}",
    odds_never: "no chance",
    odds_certain: "certain",
    odds_under: "under 1 in {n}",
    odds_over: "over {k} in {n}",
    sigma_label: "Growth uncertainty σ",
    sigma_estimated: "sample SD of {n} annual growths, {period}",
    sigma_class: "default for its kind",
    scale_label: "Uncertainty",
    scale_none: "none",
    scale_half: "half",
    scale_estimated: "as estimated",
    scale_double: "double",
    expected_hits: "Expected targets hit: {x} of {n}",
    all_hit_chance: "Chance that all are hit: {p}",
    growth_for_80: "Growth for an 80% chance",
    set_to_80: "Set to 80% chance",
    futures_title: "{name}: a thousand futures",
    dots_caption: "{n} equally likely values in {year}, one a dot; filled dots hit the target, the shaded band is the target",
    dots_hit: "hits",
    dots_miss: "misses",
    dots_alt: "{h} of {n} dots hit the target; the median is {median}",
    futures_run: "Run 1,000 futures",
    futures_pause: "Pause",
    futures_step: "Step",
    futures_reset: "Start over",
    futures_status: "Future {k} of {n}: {verdict} ({value} in {year}). So far {h} of {k} hit ({pct}).",
    futures_intro: "Draw futures one at a time: each year's growth varies randomly around the one set. The seed is fixed, so a whole class sees the same futures.",
    central_label: "Central path",
    current_future: "This future",
    bands_label: "50/80/95% of futures",
    tradeoff_title: "{name}: what growth it would take",
    tradeoff_hint: "Across: {x}'s annual growth; up: {y}'s. Click, drag or use the arrow keys to move your point; both sliders follow.",
    tradeoff_exact: "hits the target exactly",
    tradeoff_50: "50% chance (the edge of hitting)",
    tradeoff_80: "80% chance",
    tradeoff_region: "hit on the central path",
    tradeoff_you: "your scenario",
    tradeoff_table: "As text: the growth pairs",
    tradeoff_row_x: "{x} growth",
    // issue 7
    hero_reported_miss: "At the pace published so far, {name} reaches about {value} in {year}, short of the {target} goal.",
    hero_reported_hit: "At the pace published so far, {name} reaches about {value} in {year}, meeting the {target} goal.",
    hero_reader: "No published values give a pace yet; in the scenario shown, {name} reaches about {value} in {year} (goal {target}): {verdict}.",
    hero_plan_pace: "At the plan's pace it would reach {value}.",
    hero_data_through: "Published data up to {list}.",
    hero_no_data: "plansim holds no published values yet.",
    hero_period_ended: "The plan period ended in {year}: this is hindsight at the published pace, not a forecast.",
    hero_actual: "The published {year} value of {name} is {value} ({source}): actually {verdict}.",
    hero_actual_unsettled: "For {year}, only \"more than {value}\" was published for {name} ({source}): not yet settled.",
    hero_no_actual: "The {year} outcome is not yet in plansim's data.",
    at_least: "at least ",
    list_sep: ", ",
    preset_reported_desc: "Reported pace: each indicator with published values at its annual growth from the baseline to the latest one (a \"more than X\" value is only a floor and sets nothing); the rest at their defaults.",
    preset_plan_desc: "Plan pace: each target at exactly the growth it needs; the rest at their defaults.",
    preset_trend_desc: "Past trend: the growth the plan reports for the previous period; the rest at their defaults.",
    preset_custom_desc: "Custom: shown after any change by hand.",
    hero_label: "The answer",
    reference_label: "Reference",
    reference_tally: "Reference ({name}): {hit} of {total} hit",
    verdict_differs: "Verdict differs from the reference:",
    overview_title: "Every target at a glance",
    overview_misses_only: "Show misses only",
    overview_indicator: "Indicator",
    overview_yours: "Your scenario",
    overview_verdict: "Verdict (yours / reference)",
    // Issue 12 (phase 2).
    more_notices: "and {n} more",
    link_word: "link",
    saved_word: "saved scenario",
    too_large: "is too large ({bytes} bytes, at most {limit}): nothing in it was used",
    newer_version: "was written by a newer plansim (version {v}): what this version understands was used",
    bad_version: "the version must be a whole number from 1",
    baseline_printed: "the plan prints this indicator's baseline, so a supplied one is not used",
    baseline_beyond: "the baseline is beyond what can be computed and drawn (at most {max} in size)",
    not_saved: "this scenario could not be kept in this browser (storage full or blocked); nothing on the page is lost: copy the link to keep it",
    file_too_large: "the file is too large ({bytes} bytes, at most {limit}) and was not read",
    panic_title: "plansim stopped",
    panic_body: "The page hit an internal error and stopped. Your scenario is in this link:",
    start_fresh: "Clear the saved scenario and start fresh",
    // issue 11a
    pp_short: "pp",
    sentence_varies: " (set year by year)",
    nominal_short: "nominal",
    real_short: "real",
    scenario_label: "Scenario",
    locked_note: "Scenario fixed by the page that embeds it",
    restored_prompt: "Restored your last scenario from this browser (someone else may have left it). Start fresh?",
    fresh_start: "Start fresh",
    keep_scenario: "Keep this scenario",
    handout_assumptions: "Assumptions (growth a year)",
    handout_reference: "Reference scenario",
    handout_needed: "Growth needed",
    handout_answers: "Your answers",
    handout_q1: "1. Which targets are missed, and what growth would hit them?",
    handout_q2: "2. Which assumption do you trust least, and why?",
    handout_link: "Link (scan or type)",
    handout_from_file: "Opened from a file: this page has no public link.",
    handout_horizon: "Projected to",
    no_trend_once: "Where a card states no past growth, the plan gives none.",
    status_reported: "reported",
    status_first_release: "first release",
    status_revised: "revised",
    status_lower_bound: "lower bound (\"more than\")",
    entered_baseline: " (entered)",
    embed_phone_height: "Height on phones (px)",
    embed_lock: "Lock the scenario (readers cannot change it)",
    embed_chart_only: "Chart only",
    handout_per_row: "the other growth rates are in the table, one per target",
    handout_not_judged: "{n} more targets have no baseline in the plan and are not judged here (enter one on its card on the page).",
    // issue 7c
    bad_reference: "the reference (cmp=) must be reported, plan, trend or pinned",
    reference_choose: "Reference scenario",
    reference_reported: "reported pace",
    reference_plan: "plan pace",
    reference_trend: "past trend",
    reference_pinned: "pinned scenario",
    reference_pin: "Pin this scenario as the reference",
    reference_hint: "Every card, chart (dashed line), the table and the summary hold your scenario against this reference.",
    reference_named: "Reference: {name}",
    scenario_defaults: "Plan's defaults",
    scenario_custom: "Your scenario (custom)",
    hero_paces: "Paces published so far: {drivers}.",
    // issue 11b.
    scenario_intro: "Scenario: ",
    scenario_years: "{name} set year by year: {years}",
    scenario_baseline: "{name} baseline {value} (entered)",
    scenario_horizon: "projected to {year}",
    scenario_rest: "other growth rates at the plan's defaults",
    export_source: "Source: {plan}, {doc}; published values: {sources}",
    export_no_sources: "none held",
    export_verdict: "Projected {year}: {value}, {verdict} (target {target})",
    reported_lower_label: "Reported as \u{201c}more than\u{201d} (lower bound)",
    target_from: "counts from {from}",
    chart_keys: "Arrow keys or pointer: values by year",
    readout_lower: "lower bound",
};

/// A model error in words, in `lang`.
pub fn model_error(lang: Lang, e: &crate::core::engine::ModelError) -> String {
    use crate::core::engine::ModelError as E;
    match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Zh, E::UnknownIndicator(id)) => format!("没有指标“{id}”"),
        (Lang::Zh, E::InvalidGrowth { id, year, value }) => {
            let when = year.map_or(String::new(), |y| format!("{y}年"));
            format!("“{id}”：{when}增速 {value} 不可用（须为有限数值，相对增速不能低于 -100%）")
        }
        (Lang::Zh, E::InvalidBaseline { id, value, reason }) => {
            use crate::core::engine::BaselineProblem as B;
            let why = match reason {
                B::NotFiniteOrNegative => "须为非负的有限数值",
                B::OverHundred => "百分比不能超过100",
                B::ZeroRelative => "0 无法按百分比增长，请输入正数",
            };
            format!("“{id}”：基期值 {value} 不可用：{why}")
        }
        (Lang::Zh, E::Horizon { horizon, min, max }) => {
            format!("预测年份 {horizon} 须在 {min}–{max} 之间")
        }
        (Lang::Zh, E::Overflow { id, year }) => format!("“{id}”：预测值在{year}年溢出，请降低增速"),
        (Lang::Zh, E::ZeroDenominator { id, year }) => format!("“{id}”：分母在{year}年降为零"),
    }
}

/// The unit of a growth rate in `mode` for an indicator measured in `unit`:
/// `% a year`, `pp a year`, or for additive growth the indicator's own unit
/// a year (`labs a year`, `家/年`).
pub fn growth_unit(lang: Lang, mode: GrowthMode, unit: &Text) -> String {
    let s = lang.s();
    match mode {
        GrowthMode::Relative => s.per_year.to_string(),
        GrowthMode::Points => s.pp_per_year.to_string(),
        GrowthMode::Additive => s.unit_per_year.replace("{unit}", lang.pick(unit)),
    }
}

/// The words for a growth figure's price basis, to show beside it; `None`
/// where prices do not enter it (a count, a percentage).
pub fn prices_word(lang: Lang, prices: Prices) -> Option<&'static str> {
    let s = lang.s();
    match prices {
        Prices::Nominal => Some(s.prices_nominal),
        Prices::Real => Some(s.prices_real),
        Prices::NotMoney => None,
    }
}

/// A reported-values error in words, in `lang`: the line, then what is wrong.
pub fn reported_error(lang: Lang, e: &crate::core::reported::ReportedError) -> String {
    use crate::core::reported::ReportedProblem as P;
    let line = fill(lang.s().line, "line", e.line);
    let what = match (lang, &e.problem) {
        (Lang::En, p) => p.to_string(),
        (Lang::Zh, P::EmptyFile) => "文件为空".into(),
        (Lang::Zh, P::MissingColumn(c)) => format!("缺少“{c}”列"),
        (Lang::Zh, P::UnclosedQuote) => "引号内的字段没有闭合".into(),
        (Lang::Zh, P::UnknownIndicator(id)) => format!("规划中没有指标“{id}”"),
        (Lang::Zh, P::UnitDiffers { found, plan }) => {
            format!("单位“{found}”与规划的“{plan}”不一致")
        }
        (Lang::Zh, P::NotAYear(y)) => format!("“{y}”不是年份"),
        (Lang::Zh, P::YearOutside { year, from, to }) => {
            format!("年份 {year} 不在 {from}–{to} 之间")
        }
        (Lang::Zh, P::NotANumber(v)) => format!("数值“{v}”不是数字"),
        (Lang::Zh, P::UnknownStatus(s)) => {
            format!("未知状态“{s}”（应为 reported、first-release、revised 或 lower-bound）")
        }
    };
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    format!("{line}{sep}{what}")
}

/// `template` with `{key}` replaced by `value`.
pub fn fill(template: &str, key: &str, value: impl std::fmt::Display) -> String {
    template.replace(&format!("{{{key}}}"), &value.to_string())
}

/// The unit of the growth of indicator `ind`'s own slider; empty for a ratio.
pub fn slider_unit(lang: Lang, ind: &crate::core::plan::Indicator) -> String {
    ind.slider
        .as_ref()
        .map_or(String::new(), |sl| growth_unit(lang, sl.mode, &ind.unit))
}

/// The UN progress class in words.
pub fn progress_text(s: &Strings, p: crate::core::engine::Progress) -> &'static str {
    use crate::core::engine::Progress;
    match p {
        Progress::OnTrack => s.on_track,
        Progress::Moderate => s.moderate,
        Progress::Marginal => s.marginal,
        Progress::Stagnation => s.stagnation,
        Progress::Regression => s.regression,
    }
}

/// The sign of a comparator: `≥`, `>` or `≈`.
pub fn comparator_sign(c: crate::core::plan::Comparator) -> &'static str {
    use crate::core::plan::Comparator;
    match c {
        Comparator::Gte => "≥",
        Comparator::Gt => ">",
        Comparator::About => "≈",
    }
}

/// A goal as a heading: the indicator's category, its name and its target,
/// e.g. `Headline goal: Digital economy value added, share of GDP ≈ 60 %`;
/// the Chinese heading keeps the target as the plan prints it.
pub fn goal_heading(
    plan: &crate::core::plan::Plan,
    ind: &crate::core::plan::Indicator,
    lang: Lang,
) -> String {
    let category = plan
        .category(&ind.category)
        .map_or("", |c| lang.pick(&c.name));
    let target = ind.target.as_ref().map(|t| match (lang, &t.printed) {
        (Lang::Zh, Some(p)) => p.clone(),
        _ => format!(
            "{} {} {}",
            comparator_sign(t.comparator),
            t.value,
            lang.pick(&ind.unit)
        ),
    });
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    let name = lang.pick(&ind.name);
    match (category.is_empty(), target) {
        (false, Some(t)) => format!("{category}{sep}{name} {t}"),
        (true, Some(t)) => format!("{name} {t}"),
        (false, None) => format!("{category}{sep}{name}"),
        (true, None) => name.to_string(),
    }
}

/// A number for display: no decimals from 1000, one from 10, else two.
pub fn fmt_num(v: f64) -> String {
    let a = v.abs();
    if a >= 1000.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// A signed number for margins and growth: `+1.23` or `-0.50`.
pub fn fmt_signed(v: f64) -> String {
    let s = fmt_num(v);
    // issue 11a: a value that rounds to zero has no sign ("0.00", never "−0.00")
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        return s.trim_start_matches('-').to_string();
    }
    if v >= 0.0 && !s.starts_with('-') {
        format!("+{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::En.tag(), "en");
    }

    #[test]
    fn growth_units_and_price_words() {
        let labs = Text {
            zh: "家".into(),
            en: "labs".into(),
        };
        assert_eq!(
            growth_unit(Lang::En, GrowthMode::Additive, &labs),
            "labs a year"
        );
        assert_eq!(growth_unit(Lang::Zh, GrowthMode::Additive, &labs), "家/年");
        assert_eq!(
            growth_unit(Lang::En, GrowthMode::Relative, &labs),
            "% a year"
        );
        assert_eq!(
            growth_unit(Lang::Zh, GrowthMode::Points, &labs),
            "个百分点/年"
        );
        for lang in [Lang::Zh, Lang::En] {
            assert!(!lang.s().unit_per_year.replace("{unit}", "").is_empty());
            assert_ne!(
                prices_word(lang, Prices::Nominal),
                prices_word(lang, Prices::Real)
            );
            assert_eq!(prices_word(lang, Prices::NotMoney), None);
        }
        assert_eq!(
            prices_word(Lang::En, Prices::Real),
            Some("real (comparable prices)")
        );
    }

    #[test]
    fn goals_are_worded_from_the_plan() {
        let plan = crate::core::plan::Plan::zhejiang().unwrap();
        let de = plan.indicator("de_share").unwrap();
        assert_eq!(
            goal_heading(&plan, de, Lang::Zh),
            "总体目标：数字经济增加值占GDP比重 60%左右"
        );
        assert_eq!(
            goal_heading(&plan, de, Lang::En),
            "Headline goal: Digital economy value added, share of GDP ≈ 60 %"
        );
    }

    #[test]
    fn reported_errors_name_the_line_in_either_language() {
        use crate::core::reported::{ReportedError, ReportedProblem};
        let e = ReportedError {
            line: 3,
            problem: ReportedProblem::NotANumber("lots".into()),
        };
        assert_eq!(reported_error(Lang::Zh, &e), "第3行：数值“lots”不是数字");
        assert_eq!(
            reported_error(Lang::En, &e),
            "line 3: value `lots` is not a number"
        );
    }

    #[test]
    fn every_string_is_given_in_both_languages() {
        let (zh, en) = (format!("{ZH:?}"), format!("{EN:?}"));
        assert!(
            !zh.contains(": \"\"") && !en.contains(": \"\""),
            "no empty string"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(fmt_num(12000.4), "12000");
        assert_eq!(fmt_num(60.129), "60.1");
        assert_eq!(fmt_num(6.3), "6.30");
        assert_eq!(fmt_signed(0.5), "+0.50");
        assert_eq!(fmt_signed(-0.5), "-0.50");
        assert_eq!(fmt_signed(-0.0001), "0.00");
        assert_eq!(fmt_signed(0.0001), "0.00");
    }
}
