//! The `plancheck` command: every fault of a file, with its path, and its exit status.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn plancheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("plancheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const SEED: &str = "seeds/zhejiang-digital-economy-14fyp.json";
const FAULTS: &str = "tests/fixtures/plan-several-faults.json";

#[test]
fn a_valid_plan_passes() {
    let o = plancheck(&[SEED]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!("{SEED}: a valid plan with 40 indicators\n")
    );
}

#[test]
fn every_fault_is_printed_with_its_path() {
    let o = plancheck(&[SEED, FAULTS]);
    assert_eq!(o.status.code(), Some(1), "one bad file fails the run");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(FAULTS)).collect();
    assert_eq!(lines.len(), 10, "{out}");
    assert_eq!(
        lines[4],
        format!("{FAULTS}: indicators[1].target.value: must be a number within [0, 100]")
    );
    assert_eq!(lines[9], format!("{FAULTS}: 9 faults"));
}

#[test]
fn chinese_by_flag_or_locale() {
    let o = plancheck(&["--lang", "zh", FAULTS]);
    assert!(
        stdout(&o).contains("indicators[1].target.value：必须是 [0, 100] 之内的数"),
        "{}",
        stdout(&o)
    );
    let o = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .arg(FAULTS)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&o).ends_with("共 9 处错误\n"), "{}", stdout(&o));
}

#[test]
fn unreadable_files_and_bad_arguments_exit_2() {
    assert_eq!(plancheck(&["no-such-plan.json"]).status.code(), Some(2));
    assert_eq!(plancheck(&[]).status.code(), Some(2));
    assert_eq!(plancheck(&["--lang", "fr", SEED]).status.code(), Some(2));
}

#[test]
fn unknown_fields_are_warned_about_without_failing() {
    let seed = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED))
        .unwrap();
    let typo = seed.replacen("\"comparator\"", "\"tolerence\": 1, \"comparator\"", 1);
    assert_ne!(typo, seed);
    let mut child = Command::new(env!("CARGO_BIN_EXE_plancheck"))
        .args(["--lang", "en", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(typo.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "a warning, not a fault");
    assert_eq!(
        stdout(&o),
        "-: indicators[0].target.tolerence: not a field of the plan format, so plansim ignores it (a typo?)\n\
         -: a valid plan with 40 indicators\n"
    );
}
