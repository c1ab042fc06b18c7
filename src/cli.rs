//! The `wizard-cli` command: file I/O and arguments around the pure core.

use std::path::Path;

use crate::core::config_file::from_config_json;
use crate::core::date::civil_date;
use crate::core::diagnostics::Severity;
use crate::core::generate::generate;
use crate::core::render::{OutputTarget, RenderContext};

pub const USAGE: &str = "usage:
  wizard-cli render CONFIG.json --target powershell|az-bash|az-powershell|rest [--date YYYY-MM-DD] [--app-url URL]
  wizard-cli render CONFIG.json --target all --out DIR [--date YYYY-MM-DD] [--app-url URL]
  wizard-cli validate CONFIG.json
";

/// Runs the command; returns the exit code. Output goes to stdout, problems to stderr.
pub fn run(args: &[String]) -> u8 {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            2
        }
    }
}

fn run_inner(args: &[String]) -> Result<u8, String> {
    let (command, rest) = args.split_first().ok_or_else(|| USAGE.to_owned())?;
    let (config_path, options) = rest.split_first().ok_or_else(|| USAGE.to_owned())?;
    let text = std::fs::read_to_string(config_path)
        .map_err(|e| format!("cannot read {config_path}: {e}"))?;
    let draft = from_config_json(&text).map_err(|e| format!("{config_path}: {e}"))?;
    let generated = generate(&draft);
    let diagnostics = &generated.validation.diagnostics;
    let has_errors = generated.plan.is_none();
    let print_diagnostics = |all: bool| {
        for d in diagnostics
            .iter()
            .filter(|d| all || d.severity == Severity::Error)
        {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let fix = d
                .fix
                .as_ref()
                .map(|f| format!(" (fix: {})", f.label))
                .unwrap_or_default();
            eprintln!("{config_path}: {severity}: {}: {}{fix}", d.field, d.message);
        }
    };
    match command.as_str() {
        "validate" => {
            print_diagnostics(true);
            if has_errors {
                return Ok(1);
            }
            println!(
                "{config_path}: valid ({} steps)",
                generated.plan.as_ref().map_or(0, |p| p.steps.len())
            );
            Ok(0)
        }
        "render" => {
            let target = option(options, "--target")?.ok_or("render needs --target")?;
            let date = match option(options, "--date")? {
                Some(d) => d.to_owned(),
                None => today(),
            };
            if has_errors {
                print_diagnostics(false);
                return Ok(1);
            }
            let app_address = option(options, "--app-url")?;
            let context = RenderContext::for_draft(&date, app_address, &draft);
            if target == "all" {
                let dir = option(options, "--out")?.ok_or("--target all needs --out DIR")?;
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
                for t in OutputTarget::ALL {
                    let path = Path::new(dir).join(t.file_name());
                    let text = generated
                        .output(t, &context)
                        .expect("no errors, so a plan exists");
                    std::fs::write(&path, text)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    println!("wrote {}", path.display());
                }
            } else {
                let t = OutputTarget::from_id(target)
                    .ok_or_else(|| format!("unknown target {target}\n{USAGE}"))?;
                print!(
                    "{}",
                    generated
                        .output(t, &context)
                        .expect("no errors, so a plan exists")
                );
            }
            Ok(0)
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

fn option<'a>(options: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match options.iter().position(|o| o == name) {
        None => Ok(None),
        Some(i) => options
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| format!("{name} needs a value")),
    }
}

fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date((seconds / 86_400) as i64)
}
