//! Checks plan files and prints every fault of each, with its JSON path.
//!
//! ```sh
//! cargo run --bin plancheck -- seeds/zhejiang-digital-economy-14fyp.json
//! cargo run --bin plancheck -- --lang zh my-plan.json other.json
//! ```
//!
//! Fields that the format does not have (a typo, most often) are listed too,
//! as warnings: plansim ignores them. `-` reads standard input. The language is `--lang zh|en`, else the one of
//! `LC_ALL`, `LC_MESSAGES` or `LANG`, else English. Exit status: 0 when every
//! file is a valid plan, 1 when any has a fault, 2 when a file cannot be read
//! or the arguments are wrong.

use plansim::core::plan::PlanSpec;
use plansim::core::Plan;
use plansim::i18n::Lang;
use plansim::plan_text::{check_summary, plan_error_text, unknown_field_text};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: plancheck [--lang zh|en] FILE... (`-` reads standard input)";

fn env_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_tag(&v.replace('_', "-")))
}

fn read(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(file)
    }
}

fn main() -> ExitCode {
    let mut lang = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--lang" => match args.next().as_deref().and_then(Lang::from_tag) {
                Some(l) => lang = Some(l),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let lang = lang.or_else(env_lang).unwrap_or(Lang::En);
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let json = match read(file) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
        };
        let errors = Plan::check(&json);
        for e in &errors {
            println!("{file}: {}", plan_error_text(lang, e));
        }
        for path in PlanSpec::unknown_fields(&json) {
            println!("{file}: {}", unknown_field_text(lang, &path));
        }
        let indicators = Plan::from_json(&json).map(|p| p.indicators.len()).ok();
        println!("{file}: {}", check_summary(lang, errors.len(), indicators));
        if !errors.is_empty() {
            status = ExitCode::FAILURE;
        }
    }
    status
}
